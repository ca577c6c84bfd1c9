package io.steersman.api.selector;

import io.steersman.api.validation.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Upstream's label selector lexer and parser ({@code labels.Parse}), token for token, so that the
 * same strings are accepted and the same messages come out:
 *
 * <pre>
 *  selector    ::= requirement | requirement "," selector
 *  requirement ::= [!] KEY [ set-based | exact-match ]
 *  set-based   ::= "" | ("in" | "notin") "(" values ")"
 *  exact-match ::= ("=" | "==" | "!=" | ">" | "<") VALUE
 * </pre>
 *
 * Whitespace (space, tab, CR, LF) separates tokens; {@code in} and {@code notin} are values where a
 * value is expected ({@code a in (in)}). Not thread-safe; one instance parses one string.
 */
final class LabelSelectorParser {

    enum Token { ERROR, END_OF_STRING, CLOSED_PAR, COMMA, DOES_NOT_EXIST, DOUBLE_EQUALS, EQUALS, GREATER_THAN,
        IDENTIFIER, IN, LESS_THAN, NOT_EQUALS, NOT_IN, OPEN_PAR }

    record Item(Token token, String literal) {}

    private static final Map<String, Token> STRING_TO_TOKEN = Map.ofEntries(
            Map.entry(")", Token.CLOSED_PAR), Map.entry(",", Token.COMMA), Map.entry("!", Token.DOES_NOT_EXIST),
            Map.entry("==", Token.DOUBLE_EQUALS), Map.entry("=", Token.EQUALS), Map.entry(">", Token.GREATER_THAN),
            Map.entry("in", Token.IN), Map.entry("<", Token.LESS_THAN), Map.entry("!=", Token.NOT_EQUALS),
            Map.entry("notin", Token.NOT_IN), Map.entry("(", Token.OPEN_PAR));

    private static final String BINARY_OPERATORS = "in, notin, =, ==, !=, gt, lt";

    private final List<Item> items;
    private int position;

    private LabelSelectorParser(String input) {
        this.items = Lexer.scan(input);
    }

    /** Parses {@code selector} into requirements sorted by key (stable, as upstream's sort of a parse). */
    static List<Requirement> parse(String selector) {
        List<Requirement> requirements = new LabelSelectorParser(selector).parse();
        List<Requirement> sorted = new ArrayList<>(requirements);
        sorted.sort((a, b) -> a.key().compareTo(b.key()));
        return sorted;
    }

    /** The tokens of {@code input}, ending with END_OF_STRING; visible for the lexer's tests. */
    static List<Item> tokens(String input) {
        return Lexer.scan(input);
    }

    private List<Requirement> parse() {
        List<Requirement> requirements = new ArrayList<>();
        while (true) {
            Item next = lookahead(true);
            switch (next.token()) {
                case IDENTIFIER, DOES_NOT_EXIST -> {
                    Requirement r;
                    try {
                        r = parseRequirement();
                    } catch (SelectorParseException e) {
                        throw new SelectorParseException("unable to parse requirement: " + e.getMessage());
                    }
                    requirements.add(r);
                    Item after = consume(true);
                    switch (after.token()) {
                        case END_OF_STRING -> {
                            return requirements;
                        }
                        case COMMA -> {
                            Item t2 = lookahead(true);
                            if (t2.token() != Token.IDENTIFIER && t2.token() != Token.DOES_NOT_EXIST) {
                                throw new SelectorParseException("found '" + t2.literal() + "', expected: identifier after ','");
                            }
                        }
                        default -> throw new SelectorParseException(
                                "found '" + after.literal() + "', expected: ',' or 'end of string'");
                    }
                }
                case END_OF_STRING -> {
                    return requirements;
                }
                default -> throw new SelectorParseException(
                        "found '" + next.literal() + "', expected: !, identifier, or 'end of string'");
            }
        }
    }

    private Requirement parseRequirement() {
        Operator operator = null;
        Item item = consume(true);
        if (item.token() == Token.DOES_NOT_EXIST) {
            operator = Operator.DOES_NOT_EXIST;
            item = consume(true);
        }
        if (item.token() != Token.IDENTIFIER) {
            throw new SelectorParseException("found '" + item.literal() + "', expected: identifier");
        }
        String key = item.literal();
        List<String> keyErrors = Names.isQualifiedName(key);
        if (!keyErrors.isEmpty()) {
            // upstream validates with a nil field path here, which prints as "<nil>"
            throw new SelectorParseException(FieldErrors.invalid("<nil>", FieldErrors.quote(key), String.join("; ", keyErrors)));
        }
        Token t = lookahead(true).token();
        if (t == Token.END_OF_STRING || t == Token.COMMA) {
            if (operator != Operator.DOES_NOT_EXIST) {
                operator = Operator.EXISTS;
            }
        }
        if (operator == Operator.EXISTS || operator == Operator.DOES_NOT_EXIST) {
            return Requirement.of(key, operator, List.of());
        }
        operator = parseOperator();
        List<String> values = switch (operator) {
            case IN, NOT_IN -> parseValues();
            default -> parseExactValue();
        };
        return Requirement.of(key, operator, values);
    }

    private Operator parseOperator() {
        Item item = consume(false);
        return switch (item.token()) {
            case IN -> Operator.IN;
            case EQUALS -> Operator.EQUALS;
            case DOUBLE_EQUALS -> Operator.DOUBLE_EQUALS;
            case GREATER_THAN -> Operator.GREATER_THAN;
            case LESS_THAN -> Operator.LESS_THAN;
            case NOT_IN -> Operator.NOT_IN;
            case NOT_EQUALS -> Operator.NOT_EQUALS;
            default -> throw new SelectorParseException("found '" + item.literal() + "', expected: " + BINARY_OPERATORS);
        };
    }

    /** {@code (x,y,z)}; empty entries are the empty value, and the set is sorted without duplicates. */
    private List<String> parseValues() {
        Item item = consume(true);
        if (item.token() != Token.OPEN_PAR) {
            throw new SelectorParseException("found '" + item.literal() + "' expected: '('");
        }
        Item next = lookahead(true);
        switch (next.token()) {
            case IDENTIFIER, COMMA -> {
                TreeSet<String> values = parseIdentifiersList();
                if (consume(true).token() != Token.CLOSED_PAR) {
                    throw new SelectorParseException("found '" + next.literal() + "', expected: ')'");
                }
                return List.copyOf(values);
            }
            case CLOSED_PAR -> {
                consume(true);
                return List.of("");
            }
            default -> throw new SelectorParseException("found '" + next.literal() + "', expected: ',', ')' or identifier");
        }
    }

    private TreeSet<String> parseIdentifiersList() {
        TreeSet<String> values = new TreeSet<>();
        while (true) {
            Item item = consume(true);
            switch (item.token()) {
                case IDENTIFIER -> {
                    values.add(item.literal());
                    Item next = lookahead(true);
                    switch (next.token()) {
                        case COMMA -> { }
                        case CLOSED_PAR -> {
                            return values;
                        }
                        default -> throw new SelectorParseException("found '" + next.literal() + "', expected: ',' or ')'");
                    }
                }
                case COMMA -> {
                    if (values.isEmpty()) {
                        values.add(""); // "(,"
                    }
                    Token next = lookahead(true).token();
                    if (next == Token.CLOSED_PAR) {
                        values.add(""); // ",)"
                        return values;
                    }
                    if (next == Token.COMMA) {
                        consume(true);
                        values.add(""); // ",,"
                    }
                }
                default -> throw new SelectorParseException("found '" + item.literal() + "', expected: ',', or identifier");
            }
        }
    }

    private List<String> parseExactValue() {
        Token next = lookahead(true).token();
        if (next == Token.END_OF_STRING || next == Token.COMMA) {
            return List.of("");
        }
        Item item = consume(true);
        if (item.token() == Token.IDENTIFIER) {
            return List.of(item.literal());
        }
        throw new SelectorParseException("found '" + item.literal() + "', expected: identifier");
    }

    /** The current token; where a value is expected, {@code in} and {@code notin} are identifiers. */
    private Item lookahead(boolean valueContext) {
        return inContext(items.get(position), valueContext);
    }

    private Item consume(boolean valueContext) {
        return inContext(items.get(position++), valueContext);
    }

    private static Item inContext(Item item, boolean valueContext) {
        if (valueContext && (item.token() == Token.IN || item.token() == Token.NOT_IN)) {
            return new Item(Token.IDENTIFIER, item.literal());
        }
        return item;
    }

    /** Upstream's Lexer: longest operator match, identifiers up to a special symbol or whitespace. */
    static final class Lexer {
        private final String s;
        private int pos;

        private Lexer(String s) {
            this.s = s;
        }

        static List<Item> scan(String input) {
            Lexer lexer = new Lexer(input);
            List<Item> items = new ArrayList<>();
            while (true) {
                Item item = lexer.lex();
                items.add(item);
                if (item.token() == Token.END_OF_STRING) {
                    return items;
                }
            }
        }

        private char read() {
            if (pos < s.length()) {
                return s.charAt(pos++);
            }
            return 0;
        }

        private void unread() {
            pos--;
        }

        private static boolean isWhitespace(char c) {
            return c == ' ' || c == '\t' || c == '\r' || c == '\n';
        }

        private static boolean isSpecialSymbol(char c) {
            return switch (c) {
                case '=', '!', '(', ')', ',', '>', '<' -> true;
                default -> false;
            };
        }

        Item lex() {
            char c = read();
            while (isWhitespace(c)) {
                c = read();
            }
            if (c == 0) {
                return new Item(Token.END_OF_STRING, "");
            }
            unread();
            return isSpecialSymbol(c) ? scanSpecialSymbol() : scanIdOrKeyword();
        }

        private Item scanIdOrKeyword() {
            StringBuilder buffer = new StringBuilder();
            while (true) {
                char c = read();
                if (c == 0) {
                    break;
                }
                if (isSpecialSymbol(c) || isWhitespace(c)) {
                    unread();
                    break;
                }
                buffer.append(c);
            }
            String literal = buffer.toString();
            Token keyword = STRING_TO_TOKEN.get(literal);
            return new Item(keyword != null ? keyword : Token.IDENTIFIER, literal);
        }

        private Item scanSpecialSymbol() {
            Item last = null;
            StringBuilder buffer = new StringBuilder();
            while (true) {
                char c = read();
                if (c == 0) {
                    break;
                }
                if (!isSpecialSymbol(c)) {
                    unread();
                    break;
                }
                buffer.append(c);
                Token token = STRING_TO_TOKEN.get(buffer.toString());
                if (token != null) {
                    last = new Item(token, buffer.toString());
                } else if (last != null) {
                    unread();
                    break;
                }
            }
            if (last == null) {
                return new Item(Token.ERROR, "error expected: keyword found '" + buffer + "'");
            }
            return last;
        }
    }
}
