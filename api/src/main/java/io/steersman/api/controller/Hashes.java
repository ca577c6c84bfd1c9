package io.steersman.api.controller;

/**
 * The hashing primitives controllers name their objects with, as upstream: Go's 32-bit FNV
 * ({@code hash/fnv}: {@code New32} is FNV-1, {@code New32a} FNV-1a), which the Deployment
 * controller's {@code pod-template-hash} ({@code controller.ComputeHash}) and the StatefulSet
 * controller's revision names ({@code HashControllerRevision}) are built on, and
 * {@code rand.SafeEncodeString}, which turns the hash's decimal form into a name-safe string.
 *
 * <p>A hash is carried as an {@code int} holding the unsigned 32-bit state: start from
 * {@link #FNV32_OFFSET_BASIS} and feed bytes in as many calls as needed (feeding "ab" at once or
 * "a" then "b" gives the same hash). Pure functions; thread-safe.
 */
public final class Hashes {
    /** The FNV-32 offset basis: the hash of no bytes, and the state to start from. */
    public static final int FNV32_OFFSET_BASIS = 0x811c9dc5;
    private static final int FNV32_PRIME = 0x01000193;
    /** Upstream's alphabet: no vowels (so no words) and none of the look-alikes 0, 1, 3. */
    private static final String ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

    private Hashes() {}

    /** FNV-1 (multiply, then xor each byte) continuing from {@code hash}: Go's {@code fnv.New32}. */
    public static int fnv32(int hash, byte[] bytes) {
        for (byte b : bytes) {
            hash *= FNV32_PRIME;
            hash ^= b & 0xff;
        }
        return hash;
    }

    /** FNV-1a (xor each byte, then multiply) continuing from {@code hash}: Go's {@code fnv.New32a}. */
    public static int fnv32a(int hash, byte[] bytes) {
        for (byte b : bytes) {
            hash ^= b & 0xff;
            hash *= FNV32_PRIME;
        }
        return hash;
    }

    /**
     * {@code rand.SafeEncodeString}: each character mapped into an alphabet without vowels or
     * look-alikes, by its code modulo the alphabet's size; the length does not change.
     */
    public static String safeEncode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            out.append(ALPHANUMS.charAt(s.charAt(i) % ALPHANUMS.length()));
        }
        return out.toString();
    }
}
