package io.steersman.api.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HashesTest {

    /** An input and its FNV-1 and FNV-1a 32-bit hashes. */
    record Vector(String input, int fnv1, int fnv1a) {}

    /** The published FNV 32-bit test vectors (Noll's reference suite). */
    static Stream<Vector> vectors() {
        return Stream.of(
                new Vector("", 0x811c9dc5, 0x811c9dc5),
                new Vector("a", 0x050c5d7e, 0xe40c292c),
                new Vector("foobar", 0x31f0b262, 0xbf9cf968));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void fnv32IsFnv1AsGosFnvNew32(Vector v) {
        assertThat(Hashes.fnv32(Hashes.FNV32_OFFSET_BASIS, bytes(v.input()))).isEqualTo(v.fnv1());
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void fnv32aIsFnv1aAsGosFnvNew32a(Vector v) {
        assertThat(Hashes.fnv32a(Hashes.FNV32_OFFSET_BASIS, bytes(v.input()))).isEqualTo(v.fnv1a());
    }

    @Test
    void feedingBytesInPiecesGivesTheSameHash() {
        int fnv1 = Hashes.fnv32(Hashes.fnv32(Hashes.FNV32_OFFSET_BASIS, bytes("foo")), bytes("bar"));
        int fnv1a = Hashes.fnv32a(Hashes.fnv32a(Hashes.FNV32_OFFSET_BASIS, bytes("foo")), bytes("bar"));

        assertThat(fnv1).isEqualTo(0x31f0b262);
        assertThat(fnv1a).isEqualTo(0xbf9cf968);
    }

    @Test
    void safeEncodeMapsDigitsAsUpstream() {
        assertThat(Hashes.safeEncode("1234567890")).isEqualTo("56789bcdf4");
        assertThat(Hashes.safeEncode("0123456789")).isEqualTo("456789bcdf");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
