package io.steersman.core.store;

/** Options of a write: {@code dryRun} runs every check and returns the result without storing it. */
public record WriteOptions(boolean dryRun, String fieldManager) {
    public static final WriteOptions DEFAULT = new WriteOptions(false, null);
}
