package io.steersman.api.selector;

/**
 * A label or field selector that does not parse, or a requirement that breaks upstream's rules
 * (for example a key that is not a qualified name). The message is upstream's, e.g.
 * {@code unable to parse requirement: found '(', expected: identifier}; the API server answers it
 * with 400 Bad Request.
 */
public class SelectorParseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public SelectorParseException(String message) {
        super(message);
    }
}
