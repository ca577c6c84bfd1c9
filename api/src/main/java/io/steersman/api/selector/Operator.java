package io.steersman.api.selector;

/**
 * The operators of a label selector requirement, as upstream's {@code selection.Operator}: the
 * string is what upstream calls the operator in messages ({@code in}, {@code notin}, {@code =},
 * {@code ==}, {@code !=}, {@code exists}, {@code !}, {@code gt}, {@code lt}).
 */
public enum Operator {
    IN("in"),
    NOT_IN("notin"),
    EQUALS("="),
    DOUBLE_EQUALS("=="),
    NOT_EQUALS("!="),
    EXISTS("exists"),
    DOES_NOT_EXIST("!"),
    GREATER_THAN("gt"),
    LESS_THAN("lt");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /** Upstream's name of the operator. */
    public String symbol() {
        return symbol;
    }

    /** True for the operators that test a single value for equality ({@code =}, {@code ==}). */
    public boolean isEquality() {
        return this == EQUALS || this == DOUBLE_EQUALS;
    }
}
