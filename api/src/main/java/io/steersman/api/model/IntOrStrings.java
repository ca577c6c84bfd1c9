package io.steersman.api.model;

/**
 * Upstream's {@code intstr} helpers for {@link IntOrString}: resolving {@code maxSurge} and
 * {@code maxUnavailable} style values against a total. Stateless and thread-safe.
 */
public final class IntOrStrings {
    private IntOrStrings() {}

    /**
     * Upstream's {@code GetScaledValueFromIntOrPercent}: an integer as is; a percent string
     * ({@code "25%"}) as that share of {@code total}, rounded up or down. 10 replicas, 25%: 3 rounded
     * up (maxSurge), 2 rounded down (maxUnavailable).
     *
     * @throws IllegalArgumentException for null, or a string that is not an integer followed by
     *     {@code %}; the message is upstream's ({@code invalid value for IntOrString: invalid type:
     *     string is not a percentage})
     */
    public static int scaledValue(IntOrString intOrPercent, int total, boolean roundUp) {
        if (intOrPercent == null) {
            throw new IllegalArgumentException("nil value for IntOrString");
        }
        if (intOrPercent.isInt()) {
            return intOrPercent.intValue();
        }
        String s = intOrPercent.strValue();
        if (!s.endsWith("%")) {
            throw new IllegalArgumentException("invalid value for IntOrString: invalid type: string is not a percentage");
        }
        String digits = s.substring(0, s.length() - 1);
        long percent = atoi(digits, s);
        long scaled = percent * total;
        long value = roundUp ? Math.floorDiv(scaled + 99, 100) : Math.floorDiv(scaled, 100);
        return Math.toIntExact(value);
    }

    /** True for a string of the form {@code <integer>%}, as upstream's percent check. */
    public static boolean isPercent(IntOrString value) {
        return value != null && !value.isInt() && value.strValue().endsWith("%");
    }

    /** Go's {@code strconv.Atoi}, with its error text. */
    private static long atoi(String digits, String original) {
        int start = !digits.isEmpty() && (digits.charAt(0) == '+' || digits.charAt(0) == '-') ? 1 : 0;
        boolean ok = start < digits.length();
        for (int i = start; i < digits.length() && ok; i++) {
            ok = digits.charAt(i) >= '0' && digits.charAt(i) <= '9';
        }
        if (ok) {
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid value for IntOrString: invalid value \"" + original
                        + "\": strconv.Atoi: parsing \"" + digits + "\": value out of range", e);
            }
        }
        throw new IllegalArgumentException("invalid value for IntOrString: invalid value \"" + original
                + "\": strconv.Atoi: parsing \"" + digits + "\": invalid syntax");
    }
}
