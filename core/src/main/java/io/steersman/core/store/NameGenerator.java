package io.steersman.core.store;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Names from {@code generateName} and uids, as upstream makes them. Thread-safe. */
final class NameGenerator {
    /** Upstream's {@code utilrand} alphabet: no vowels (no words), no 0/1/3 (no look-alikes). */
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final int SUFFIX_LENGTH = 5;
    /** A DNS label is at most 63 characters; upstream cuts the prefix to leave room for the suffix. */
    private static final int MAX_PREFIX_LENGTH = 63 - SUFFIX_LENGTH;

    private NameGenerator() {}

    static String generate(String generateName) {
        String prefix = generateName.length() > MAX_PREFIX_LENGTH ? generateName.substring(0, MAX_PREFIX_LENGTH) : generateName;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] name = new char[prefix.length() + SUFFIX_LENGTH];
        prefix.getChars(0, prefix.length(), name, 0);
        for (int i = prefix.length(); i < name.length; i++) {
            name[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(name);
    }

    /**
     * A random (version 4) UUID. From a thread-local generator rather than {@link UUID#randomUUID()}:
     * uids need uniqueness, not unpredictability, and the secure generator is a shared lock.
     */
    static String uid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(most, least).toString();
    }
}
