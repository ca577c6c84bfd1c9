package io.steersman.core.store;

/** Small readers of request values (resourceVersions, optional strings) shared by the store's parts. */
final class Requests {
    private Requests() {}

    static long parseResourceVersion(String resourceVersion) {
        try {
            long value = Long.parseLong(resourceVersion);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw StatusErrors.badRequest("invalid resource version: " + resourceVersion);
        }
    }

    static boolean isBlank(String value) {
        return value == null || value.isEmpty();
    }

    static String blankToNull(String value) {
        return isBlank(value) ? null : value;
    }

    static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
