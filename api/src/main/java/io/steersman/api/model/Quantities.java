package io.steersman.api.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The semantics of {@link Quantity}, as upstream's {@code resource.Quantity}: parsing
 * ({@code 1Gi}, {@code 500Mi}, {@code 1.5G}, {@code 100m}, {@code 1e3}), the canonical form
 * upstream writes back, comparison and the plain number (for storage: bytes).
 *
 * <p>A quantity is a signed decimal number with a suffix: binary ({@code Ki Mi Gi Ti Pi Ei},
 * powers of 1024), decimal ({@code n u m "" k M G T P E}) or an exponent ({@code e3}, {@code E-3}).
 * Parsing keeps the kind of suffix (its {@link Format}); values finer than {@code 1n} are rounded
 * up (away from zero), binary values beyond 2^63-1 are capped there. The canonical form uses the
 * same kind of suffix, loses no precision, has no fraction and the largest suffix possible:
 * {@code 1.5G} is {@code 1500M}, {@code 1000m} is {@code 1}, {@code 0.5Gi} is {@code 512Mi},
 * {@code 1536Ki} is {@code 1536Ki}... and {@code 1e3} stays {@code 1e3} (an exponent stays an
 * exponent, as upstream). Stateless and thread-safe.
 */
public final class Quantities {
    private Quantities() {}

    /** The three ways a quantity can be written; canonical forms keep the one a value was parsed with. */
    public enum Format { DECIMAL_EXPONENT, BINARY_SI, DECIMAL_SI }

    static final String FORMAT_WRONG =
            "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    static final String SUFFIX_WRONG = "unable to parse quantity's suffix";

    private static final BigDecimal NANO = BigDecimal.ONE.movePointLeft(9);
    private static final BigDecimal MAX_ALLOWED = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal BINARY_ROUNDING_LIMIT = BigDecimal.valueOf(1024);
    private static final BigInteger K1024 = BigInteger.valueOf(1024);
    /** Exponents beyond this make the value so small that it rounds to 1n, or so large that it is capped or kept symbolic. */
    private static final int TINY_EXPONENT = -100_000;

    private static final Map<String, Integer> DECIMAL_SUFFIXES = Map.of(
            "n", -9, "u", -6, "m", -3, "", 0, "k", 3, "M", 6, "G", 9, "T", 12, "P", 15, "E", 18);
    private static final Map<String, Integer> BINARY_SUFFIXES = Map.of(
            "Ki", 10, "Mi", 20, "Gi", 30, "Ti", 40, "Pi", 50, "Ei", 60);
    private static final String[] DECIMAL_SUFFIX_BY_EXPONENT = {"n", "u", "m", "", "k", "M", "G", "T", "P", "E"};
    private static final String[] BINARY_SUFFIX_BY_POWER = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};

    /**
     * A parsed quantity: its exact value and the format it was written in. Orders by value; equal
     * values compare equal whatever their format.
     */
    public record Amount(BigDecimal value, Format format) implements Comparable<Amount> {

        public Amount {
            java.util.Objects.requireNonNull(value, "value");
            java.util.Objects.requireNonNull(format, "format");
        }

        @Override
        public int compareTo(Amount other) {
            return value.compareTo(other.value);
        }

        public int signum() {
            return value.signum();
        }

        public boolean isZero() {
            return value.signum() == 0;
        }

        /** Upstream's {@code Value()}: the value rounded up to an integer, away from zero. */
        public long longValue() {
            return toLong(value.setScale(0, RoundingMode.UP));
        }

        /** Upstream's {@code MilliValue()}: the value in thousandths, rounded up, away from zero. */
        public long milliValue() {
            return toLong(value.movePointRight(3).setScale(0, RoundingMode.UP));
        }

        /** The canonical string, as upstream's {@code Quantity.String()}. */
        public String canonical() {
            return Quantities.canonical(value, format);
        }

        /** The canonical {@link Quantity}. */
        public Quantity toQuantity() {
            return new Quantity(canonical());
        }

        @Override
        public String toString() {
            return canonical();
        }

        private static long toLong(BigDecimal integral) {
            if (integral.compareTo(MAX_ALLOWED) > 0 || integral.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
                throw new ArithmeticException("quantity " + integral.toString() + " does not fit in a 64-bit integer");
            }
            return integral.longValueExact();
        }
    }

    /** Thrown for a string that is not a quantity; the message is upstream's. */
    public static final class QuantityFormatException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        QuantityFormatException(String message) {
            super(message);
        }
    }

    /**
     * Upstream's {@code ParseQuantity}.
     *
     * @throws QuantityFormatException for anything that is not a quantity (including leading or
     *     trailing whitespace)
     */
    public static Amount parse(String str) {
        if (str == null || str.isEmpty()) {
            throw new QuantityFormatException(FORMAT_WRONG);
        }
        if (str.equals("0")) {
            return new Amount(BigDecimal.ZERO, Format.DECIMAL_SI);
        }
        Scanned scanned = Scanned.scan(str);
        BigDecimal amount = new BigDecimal(new BigInteger(scanned.num + scanned.denom), scanned.denom.length());
        String suffix = scanned.suffix;
        Format format;
        Integer decimal = DECIMAL_SUFFIXES.get(suffix);
        Integer binary = BINARY_SUFFIXES.get(suffix);
        if (decimal != null) {
            format = Format.DECIMAL_SI;
            amount = amount.scaleByPowerOfTen(decimal);
        } else if (binary != null) {
            format = Format.BINARY_SI;
            amount = amount.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(binary)));
        } else {
            format = Format.DECIMAL_EXPONENT;
            int exponent = exponent(suffix);
            if (exponent < TINY_EXPONENT) {
                // far below a nano: any non-zero value rounds up to 1n, as below
                amount = amount.signum() == 0 ? BigDecimal.ZERO : NANO;
            } else {
                amount = amount.scaleByPowerOfTen(exponent);
            }
        }
        if (!scanned.positive) {
            amount = amount.negate();
        }
        // upstream rounds up to the smallest representable value: asking for some gives some
        if (amount.scale() > 9) {
            amount = amount.setScale(9, RoundingMode.UP);
        }
        if (format == Format.BINARY_SI && amount.abs().compareTo(MAX_ALLOWED) > 0) {
            amount = amount.signum() < 0 ? MAX_ALLOWED.negate() : MAX_ALLOWED;
        }
        if (format == Format.BINARY_SI && amount.signum() != 0 && amount.abs().compareTo(BigDecimal.ONE) < 0) {
            format = Format.DECIMAL_SI;
        }
        return new Amount(amount, format);
    }

    /** Parses a {@link Quantity}; see {@link #parse(String)}. */
    public static Amount parse(Quantity quantity) {
        return parse(quantity.value());
    }

    /** True when {@code str} parses as a quantity. */
    public static boolean isValid(String str) {
        try {
            parse(str);
            return true;
        } catch (QuantityFormatException e) {
            return false;
        }
    }

    /** The canonical form of {@code quantity}, as upstream writes it back. */
    public static String canonical(Quantity quantity) {
        return parse(quantity).canonical();
    }

    /** The quantity in canonical form. */
    public static Quantity canonicalize(Quantity quantity) {
        return new Quantity(canonical(quantity));
    }

    /** Compares the values: negative, zero or positive as {@code a} is less than, equal to or greater than {@code b}. */
    public static int compare(Quantity a, Quantity b) {
        return parse(a).compareTo(parse(b));
    }

    /** The exact value, e.g. {@code 1Gi} is 1073741824 and {@code 100m} is 0.1: for storage, bytes. */
    public static BigDecimal toBigDecimal(Quantity quantity) {
        return parse(quantity).value();
    }

    /** A quantity for {@code value}, written canonically in {@code format}. */
    public static Quantity of(BigDecimal value, Format format) {
        return new Amount(value, format).toQuantity();
    }

    /** {@code n} bytes as a binary quantity ({@code 1073741824} is {@code 1Gi}). */
    public static Quantity ofBytes(long n) {
        return of(BigDecimal.valueOf(n), Format.BINARY_SI);
    }

    static String canonical(BigDecimal value, Format requested) {
        if (value.signum() == 0) {
            return "0";
        }
        Format format = requested;
        if (format == Format.BINARY_SI) {
            boolean small = value.abs().compareTo(BINARY_ROUNDING_LIMIT) < 0;
            boolean fractional = value.stripTrailingZeros().scale() > 0;
            if (small || fractional) {
                // avoids rounding, and the confusion of 0.5Ki, as upstream
                format = Format.DECIMAL_SI;
            }
        }
        if (format == Format.BINARY_SI) {
            BigInteger n = value.toBigIntegerExact();
            int power = 0;
            while (power < BINARY_SUFFIX_BY_POWER.length && n.mod(K1024).signum() == 0) {
                n = n.divide(K1024);
                power++;
            }
            if (power < BINARY_SUFFIX_BY_POWER.length) {
                return n + BINARY_SUFFIX_BY_POWER[power];
            }
            // beyond Ei there is no binary suffix: write the exact decimal value instead (newer upstream)
            return decimal(value, Format.DECIMAL_EXPONENT);
        }
        return decimal(value, format);
    }

    /** Mantissa and an exponent that is a multiple of three, with the suffix of {@code format}. */
    private static String decimal(BigDecimal value, Format format) {
        BigDecimal stripped = value.stripTrailingZeros();
        BigInteger mantissa = stripped.unscaledValue();
        long exponent = -(long) stripped.scale();
        int adjust = (int) Math.floorMod(exponent, 3L);
        if (adjust != 0) {
            mantissa = mantissa.multiply(BigInteger.TEN.pow(adjust));
            exponent -= adjust;
        }
        String suffix;
        if (format == Format.DECIMAL_SI && exponent >= -9 && exponent <= 18) {
            suffix = DECIMAL_SUFFIX_BY_EXPONENT[(int) (exponent + 9) / 3];
        } else {
            // DecimalSI has no suffix below n or above E: newer upstream falls back to an exponent
            suffix = exponent == 0 ? "" : "e" + exponent;
        }
        return mantissa + suffix;
    }

    /** The exponent of an {@code e}/{@code E} suffix, within upstream's int32 bounds. */
    private static int exponent(String suffix) {
        if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
            String digits = suffix.substring(1);
            int start = digits.charAt(0) == '+' || digits.charAt(0) == '-' ? 1 : 0;
            boolean numeric = start < digits.length();
            for (int i = start; i < digits.length() && numeric; i++) {
                numeric = digits.charAt(i) >= '0' && digits.charAt(i) <= '9';
            }
            if (numeric) {
                try {
                    long parsed = Long.parseLong(digits);
                    if (parsed >= -Integer.MAX_VALUE && parsed <= Integer.MAX_VALUE) {
                        return (int) parsed;
                    }
                } catch (NumberFormatException e) {
                    // beyond int64: falls through to the error, as upstream
                }
            }
        }
        throw new QuantityFormatException(SUFFIX_WRONG);
    }

    /** Upstream's {@code parseQuantityString}: sign, integer digits, fraction digits, suffix. */
    record Scanned(boolean positive, String num, String denom, String suffix) {

        static Scanned scan(String str) {
            boolean positive = true;
            int pos = 0;
            int end = str.length();
            if (str.charAt(0) == '-') {
                positive = false;
                pos++;
            } else if (str.charAt(0) == '+') {
                pos++;
            }
            while (pos < end && str.charAt(pos) == '0') {
                pos++;
            }
            if (pos >= end) {
                return new Scanned(positive, "0", "", "");
            }
            int numStart = pos;
            while (pos < end && isDigit(str.charAt(pos))) {
                pos++;
            }
            String num = str.substring(numStart, pos);
            if (num.isEmpty()) {
                num = "0";
            }
            String denom = "";
            if (pos < end && str.charAt(pos) == '.') {
                pos++;
                int denomStart = pos;
                while (pos < end && isDigit(str.charAt(pos))) {
                    pos++;
                }
                denom = str.substring(denomStart, pos);
            }
            int suffixStart = pos;
            while (pos < end && "eEinumkKMGTP".indexOf(str.charAt(pos)) >= 0) {
                pos++;
            }
            if (pos < end && (str.charAt(pos) == '-' || str.charAt(pos) == '+')) {
                pos++;
            }
            while (pos < end && isDigit(str.charAt(pos))) {
                pos++;
            }
            if (pos < end) {
                throw new QuantityFormatException(FORMAT_WRONG);
            }
            return new Scanned(positive, num, denom, str.substring(suffixStart));
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }
}
