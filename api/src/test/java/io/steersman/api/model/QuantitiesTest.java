package io.steersman.api.model;

import static io.steersman.api.model.Quantities.Format.BINARY_SI;
import static io.steersman.api.model.Quantities.Format.DECIMAL_EXPONENT;
import static io.steersman.api.model.Quantities.Format.DECIMAL_SI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.steersman.api.model.Quantities.Amount;
import io.steersman.api.model.Quantities.Format;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Upstream's api/resource/quantity_test.go tables. */
class QuantitiesTest {

    record Parse(String input, BigDecimal value, Format format) {}

    private static Parse p(String input, long mantissa, int exponent, Format format) {
        return new Parse(input, BigDecimal.valueOf(mantissa).scaleByPowerOfTen(exponent), format);
    }

    /** TestQuantityParse's table: decQuantity(mantissa, exponent, format). */
    static Stream<Parse> parses() {
        BigDecimal maxAllowed = BigDecimal.valueOf(Long.MAX_VALUE);
        return Stream.of(
                p("0", 0, 0, DECIMAL_SI), p("0n", 0, 0, DECIMAL_SI), p("0u", 0, 0, DECIMAL_SI), p("0m", 0, 0, DECIMAL_SI),
                p("0Ki", 0, 0, BINARY_SI), p("0k", 0, 0, DECIMAL_SI), p("0Mi", 0, 0, BINARY_SI), p("0M", 0, 0, DECIMAL_SI),
                p("0Gi", 0, 0, BINARY_SI), p("0G", 0, 0, DECIMAL_SI), p("0Ti", 0, 0, BINARY_SI), p("0T", 0, 0, DECIMAL_SI),
                p("1", 1, 0, DECIMAL_SI),
                p("1Ki", 1024, 0, BINARY_SI), p("8Ki", 8 * 1024, 0, BINARY_SI), p("7Mi", 7L << 20, 0, BINARY_SI),
                p("6Gi", 6L << 30, 0, BINARY_SI), p("5Ti", 5L << 40, 0, BINARY_SI), p("4Pi", 4L << 50, 0, BINARY_SI),
                p("3Ei", 3L << 60, 0, BINARY_SI), p("10Ti", 10L << 40, 0, BINARY_SI), p("100Ti", 100L << 40, 0, BINARY_SI),
                p("5n", 5, -9, DECIMAL_SI), p("4u", 4, -6, DECIMAL_SI), p("3m", 3, -3, DECIMAL_SI), p("9", 9, 0, DECIMAL_SI),
                p("8k", 8, 3, DECIMAL_SI), p("50k", 5, 4, DECIMAL_SI), p("7M", 7, 6, DECIMAL_SI), p("6G", 6, 9, DECIMAL_SI),
                p("5T", 5, 12, DECIMAL_SI), p("40T", 4, 13, DECIMAL_SI), p("300T", 3, 14, DECIMAL_SI), p("2P", 2, 15, DECIMAL_SI),
                p("1E", 1, 18, DECIMAL_SI),
                p("1E-3", 1, -3, DECIMAL_EXPONENT), p("1e3", 1, 3, DECIMAL_EXPONENT), p("1E6", 1, 6, DECIMAL_EXPONENT),
                p("1e9", 1, 9, DECIMAL_EXPONENT), p("1E12", 1, 12, DECIMAL_EXPONENT), p("1e15", 1, 15, DECIMAL_EXPONENT),
                p("1E18", 1, 18, DECIMAL_EXPONENT),
                p("1e14", 1, 14, DECIMAL_EXPONENT), p("1e13", 1, 13, DECIMAL_EXPONENT), p("100.035k", 100035, 0, DECIMAL_SI),
                p("0.001", 1, -3, DECIMAL_SI), p("0.0005k", 5, -1, DECIMAL_SI), p("0.005", 5, -3, DECIMAL_SI),
                p("0.05", 5, -2, DECIMAL_SI), p("0.5", 5, -1, DECIMAL_SI), p("0.00050k", 5, -1, DECIMAL_SI),
                p("0.00500", 5, -3, DECIMAL_SI), p("0.05000", 5, -2, DECIMAL_SI), p("0.50000", 5, -1, DECIMAL_SI),
                p("0.5e0", 5, -1, DECIMAL_EXPONENT), p("0.5e-1", 5, -2, DECIMAL_EXPONENT), p("0.5e-2", 5, -3, DECIMAL_EXPONENT),
                p("10.035M", 10035, 3, DECIMAL_SI),
                p("1.2e3", 12, 2, DECIMAL_EXPONENT), p("1.3E+6", 13, 5, DECIMAL_EXPONENT), p("1.40e9", 14, 8, DECIMAL_EXPONENT),
                p("1.53E12", 153, 10, DECIMAL_EXPONENT), p("1.6e15", 16, 14, DECIMAL_EXPONENT), p("1.7E18", 17, 17, DECIMAL_EXPONENT),
                p("9.01", 901, -2, DECIMAL_SI), p("8.1k", 81, 2, DECIMAL_SI), p("7.123456M", 7123456, 0, DECIMAL_SI),
                p("6.987654321G", 6987654321L, 0, DECIMAL_SI), p("5.444T", 5444, 9, DECIMAL_SI), p("40.1T", 401, 11, DECIMAL_SI),
                p("300.2T", 3002, 11, DECIMAL_SI), p("2.5P", 25, 14, DECIMAL_SI), p("1.01E", 101, 16, DECIMAL_SI),
                // things that saturate or round
                p("3.001n", 4, -9, DECIMAL_SI), p("1.1E-9", 2, -9, DECIMAL_EXPONENT), p("0.0000000001", 1, -9, DECIMAL_SI),
                p("0.0000000005", 1, -9, DECIMAL_SI), p("0.00000000050", 1, -9, DECIMAL_SI), p("0.5e-9", 1, -9, DECIMAL_EXPONENT),
                p("0.9n", 1, -9, DECIMAL_SI), p("0.00000012345", 124, -9, DECIMAL_SI), p("0.00000012354", 124, -9, DECIMAL_SI),
                new Parse("9Ei", maxAllowed, BINARY_SI), new Parse("9223372036854775807Ki", maxAllowed, BINARY_SI),
                p("12E", 12, 18, DECIMAL_SI),
                // fractional binary
                p("100.035Ki", 10243584, -2, BINARY_SI), p("0.5Mi", 512 * 1024, 0, BINARY_SI), p("0.05Gi", 536870912, -1, BINARY_SI),
                p("0.025Ti", 274877906944L, -1, BINARY_SI),
                // things written by trolls
                p("0.000000000001Ki", 2, -9, DECIMAL_SI), p(".001", 1, -3, DECIMAL_SI), p(".0001k", 100, -3, DECIMAL_SI),
                p("1.", 1, 0, DECIMAL_SI), p("1.G", 1, 9, DECIMAL_SI));
    }

    @ParameterizedTest
    @MethodSource("parses")
    void parsesValueAndFormat(Parse row) {
        Amount got = Quantities.parse(row.input());
        assertThat(got.value()).as(row.input()).isEqualByComparingTo(row.value());
        assertThat(got.format()).as(row.input()).isEqualTo(row.format());
    }

    @ParameterizedTest
    @MethodSource("parses")
    void negativeVersionsParseToTheNegation(Parse row) {
        Amount got = Quantities.parse("-" + row.input());
        assertThat(got.value()).as(row.input()).isEqualByComparingTo(row.value().negate());
        assertThat(got.format()).isEqualTo(row.format());
    }

    @ParameterizedTest
    @MethodSource("parses")
    void anExplicitPlusChangesNothing(Parse row) {
        Amount got = Quantities.parse("+" + row.input());
        assertThat(got.value()).isEqualByComparingTo(row.value());
        assertThat(got.format()).isEqualTo(row.format());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.1.M", "1+1.0M", "0.1mi", "0.1am", "aoeu", ".5i", "1i", "-3.01i", "-3.01e-", "1e4294967297", " 1", "1 ",
        "Non-Numeric"})
    void invalidStringsAreRefused(String input) {
        assertThatThrownBy(() -> Quantities.parse(input)).isInstanceOf(Quantities.QuantityFormatException.class);
        assertThat(Quantities.isValid(input)).isFalse();
    }

    @Test
    void errorsUseUpstreamWords() {
        assertThatThrownBy(() -> Quantities.parse("1 ")).hasMessage(
                "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
        assertThatThrownBy(() -> Quantities.parse("1i")).hasMessage("unable to parse quantity's suffix");
    }

    @Test
    void exponentsStayWithinUpstreamInt32Bounds() {
        assertThat(Quantities.parse("1E2147483647").format()).isEqualTo(DECIMAL_EXPONENT);
        assertThat(Quantities.parse("1E-2147483647").canonical()).isEqualTo("1e-9");
        assertThatThrownBy(() -> Quantities.parse("1E2147483648")).isInstanceOf(Quantities.QuantityFormatException.class);
        assertThatThrownBy(() -> Quantities.parse("1E-2147483648")).isInstanceOf(Quantities.QuantityFormatException.class);
    }

    record Canonical(BigDecimal value, Format format, String expect, String alternate) {}

    private static Canonical c(long mantissa, int exponent, Format format, String expect, String alternate) {
        return new Canonical(BigDecimal.valueOf(mantissa).scaleByPowerOfTen(exponent), format, expect, alternate);
    }

    /** TestQuantityString's table. */
    static Stream<Canonical> canonicalForms() {
        return Stream.of(
                c(1024 * 1024 * 1024, 0, BINARY_SI, "1Gi", "1024Mi"),
                c(300 * 1024 * 1024, 0, BINARY_SI, "300Mi", "307200Ki"),
                c(6 * 1024, 0, BINARY_SI, "6Ki", ""),
                c(1001L * 1024 * 1024 * 1024, 0, BINARY_SI, "1001Gi", "1025024Mi"),
                c(1024L * 1024 * 1024 * 1024, 0, BINARY_SI, "1Ti", "1024Gi"),
                c(5, 0, BINARY_SI, "5", "5000m"),
                c(500, -3, BINARY_SI, "500m", "0.5"),
                c(1, 9, DECIMAL_SI, "1G", "1000M"),
                c(1000, 6, DECIMAL_SI, "1G", "0.001T"),
                c(1000000, 3, DECIMAL_SI, "1G", ""),
                c(1000000000, 0, DECIMAL_SI, "1G", ""),
                c(1, -3, DECIMAL_SI, "1m", "1000u"),
                c(80, -3, DECIMAL_SI, "80m", ""),
                c(1080, -3, DECIMAL_SI, "1080m", "1.08"),
                c(108, -2, DECIMAL_SI, "1080m", "1080000000n"),
                c(10800, -4, DECIMAL_SI, "1080m", ""),
                c(300, 6, DECIMAL_SI, "300M", ""),
                c(1, 12, DECIMAL_SI, "1T", ""),
                c(1, 18, DECIMAL_SI, "1E", ""),
                c(1, 21, DECIMAL_SI, "1e21", "1000E"),
                c(5, 21, DECIMAL_SI, "5e21", "5000E"),
                c(1, 24, DECIMAL_SI, "1e24", "1000000E"),
                c(1, 70, BINARY_SI, "10e69", ""),
                c(2, 70, BINARY_SI, "20e69", ""),
                c(1, 72, BINARY_SI, "1e72", ""),
                c(1234567, 6, DECIMAL_SI, "1234567M", ""),
                c(1234567, -3, BINARY_SI, "1234567m", ""),
                c(3, 3, DECIMAL_SI, "3k", ""),
                c(1025, 0, BINARY_SI, "1025", ""),
                c(0, 0, DECIMAL_SI, "0", ""),
                c(0, 0, BINARY_SI, "0", ""),
                c(1, 9, DECIMAL_EXPONENT, "1e9", ".001e12"),
                c(1, -3, DECIMAL_EXPONENT, "1e-3", "0.001e0"),
                c(1, -9, DECIMAL_EXPONENT, "1e-9", "1000e-12"),
                c(80, -3, DECIMAL_EXPONENT, "80e-3", ""),
                c(300, 6, DECIMAL_EXPONENT, "300e6", ""),
                c(1, 12, DECIMAL_EXPONENT, "1e12", ""),
                c(1, 3, DECIMAL_EXPONENT, "1e3", ""),
                c(3, 3, DECIMAL_EXPONENT, "3e3", ""),
                c(0, 0, DECIMAL_EXPONENT, "0", "00"),
                c(1, -9, DECIMAL_SI, "1n", ""),
                c(80, -9, DECIMAL_SI, "80n", ""),
                c(1080, -9, DECIMAL_SI, "1080n", ""),
                c(108, -8, DECIMAL_SI, "1080n", ""),
                c(10800, -10, DECIMAL_SI, "1080n", ""),
                c(1, -6, DECIMAL_SI, "1u", ""),
                c(80, -6, DECIMAL_SI, "80u", ""),
                c(1080, -6, DECIMAL_SI, "1080u", ""));
    }

    @ParameterizedTest
    @MethodSource("canonicalForms")
    void canonicalFormAsUpstreamString(Canonical row) {
        Amount amount = new Amount(row.value(), row.format());
        assertThat(amount.canonical()).isEqualTo(row.expect());
        assertThat(Quantities.parse(row.expect()).canonical()).as("reparsed").isEqualTo(row.expect());
        if (!row.alternate().isEmpty()) {
            assertThat(Quantities.parse(row.alternate()).canonical()).as(row.alternate()).isEqualTo(row.expect());
        }
        if (row.value().signum() != 0) {
            assertThat(new Amount(row.value().negate(), row.format()).canonical()).isEqualTo("-" + row.expect());
        }
    }

    @Test
    void binaryValuesBeyondEiAreWrittenInFull() {
        Amount twoToThe70 = new Amount(new BigDecimal(BigInteger.ONE.shiftLeft(70)), BINARY_SI);
        assertThat(twoToThe70.canonical()).isEqualTo("1180591620717411303424");
        assertThat(Quantities.parse(twoToThe70.canonical()).compareTo(twoToThe70)).isZero();
    }

    @Test
    void decimalValuesBelowNanoFallBackToExponents() {
        assertThat(new Amount(new BigDecimal("1e-12"), DECIMAL_SI).canonical()).isEqualTo("1e-12");
        assertThat(new Amount(new BigDecimal("1e-10"), DECIMAL_SI).canonical()).isEqualTo("100e-12");
    }

    record Emit(String in, String expect) {}

    static Stream<Emit> emits() {
        return Stream.of(new Emit("1Ki", "1Ki"), new Emit("1Mi", "1Mi"), new Emit("1Gi", "1Gi"), new Emit("1024Mi", "1Gi"),
                new Emit("1000M", "1G"), new Emit(".001Ki", "1024m"), new Emit(".000001Ki", "1024u"),
                new Emit(".000000001Ki", "1024n"), new Emit(".000000000001Ki", "2n"),
                // the examples users bring
                new Emit("1.5G", "1500M"), new Emit("1000m", "1"), new Emit("0.5Gi", "512Mi"), new Emit("1e3", "1e3"),
                new Emit("500Mi", "500Mi"), new Emit("100m", "100m"), new Emit("1.5Gi", "1536Mi"), new Emit("2000", "2k"),
                new Emit("1536Ki", "1536Ki"), new Emit("0.5Ki", "512"), new Emit("8Ei", "9223372036854775807"));
    }

    @ParameterizedTest
    @MethodSource("emits")
    void parseThenEmitIsCanonical(Emit row) {
        assertThat(Quantities.canonical(new Quantity(row.in()))).isEqualTo(row.expect());
        if (!Quantities.parse(row.in()).isZero()) {
            assertThat(Quantities.canonical(new Quantity("-" + row.in()))).isEqualTo("-" + row.expect());
        }
    }

    record Cmp(String x, String y, int expect) {}

    static Stream<Cmp> comparisons() {
        return Stream.of(new Cmp("0", "0", 0), new Cmp("100m", "50m", 1), new Cmp("50m", "100m", -1), new Cmp("10000T", "100Gi", 1),
                new Cmp("1Gi", "1024Mi", 0), new Cmp("1G", "1Gi", -1), new Cmp("1e3", "1k", 0), new Cmp("0Ki", "0", 0));
    }

    @ParameterizedTest
    @MethodSource("comparisons")
    void comparesValues(Cmp row) {
        assertThat(Integer.signum(Quantities.compare(new Quantity(row.x()), new Quantity(row.y())))).isEqualTo(row.expect());
        assertThat(Integer.signum(Quantities.compare(new Quantity(row.y()), new Quantity(row.x())))).isEqualTo(-row.expect());
    }

    @Test
    void plainValuesForStorageAndCpu() {
        assertThat(Quantities.toBigDecimal(new Quantity("1Gi"))).isEqualByComparingTo("1073741824");
        assertThat(Quantities.parse("1Gi").longValue()).isEqualTo(1073741824L);
        assertThat(Quantities.parse("100m").longValue()).isEqualTo(1);
        assertThat(Quantities.parse("-9.01").longValue()).isEqualTo(-10);
        assertThat(Quantities.parse("100m").milliValue()).isEqualTo(100);
        assertThat(Quantities.parse("1.5").milliValue()).isEqualTo(1500);
        assertThat(Quantities.ofBytes(1073741824L)).isEqualTo(new Quantity("1Gi"));
        assertThat(Quantities.canonicalize(new Quantity("1024Mi"))).isEqualTo(new Quantity("1Gi"));
        assertThatThrownBy(() -> Quantities.parse("1e30").longValue()).isInstanceOf(ArithmeticException.class);
    }
}
