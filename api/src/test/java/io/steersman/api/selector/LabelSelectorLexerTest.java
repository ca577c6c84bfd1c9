package io.steersman.api.selector;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.selector.LabelSelectorParser.Item;
import io.steersman.api.selector.LabelSelectorParser.Token;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Upstream's TestLexer and TestLexerSequence. */
class LabelSelectorLexerTest {

    record Single(String input, Token token) {}

    static Stream<Single> singles() {
        return Stream.of(new Single("", Token.END_OF_STRING), new Single(",", Token.COMMA), new Single("notin", Token.NOT_IN),
                new Single("in", Token.IN), new Single("=", Token.EQUALS), new Single("==", Token.DOUBLE_EQUALS),
                new Single(">", Token.GREATER_THAN), new Single("<", Token.LESS_THAN), new Single("!", Token.DOES_NOT_EXIST),
                new Single("!=", Token.NOT_EQUALS), new Single("(", Token.OPEN_PAR), new Single(")", Token.CLOSED_PAR),
                new Single("~", Token.IDENTIFIER), new Single("||", Token.IDENTIFIER));
    }

    @ParameterizedTest
    @MethodSource("singles")
    void lexReturnsTheLongestToken(Single row) {
        Item item = LabelSelectorParser.tokens(row.input()).get(0);
        assertThat(item.token()).isEqualTo(row.token());
        assertThat(item.literal()).isEqualTo(row.input());
    }

    record Sequence(String input, List<Token> tokens) {}

    static Stream<Sequence> sequences() {
        Token id = Token.IDENTIFIER;
        return Stream.of(
                new Sequence("key in ( value )", List.of(id, Token.IN, Token.OPEN_PAR, id, Token.CLOSED_PAR)),
                new Sequence("key notin ( value )", List.of(id, Token.NOT_IN, Token.OPEN_PAR, id, Token.CLOSED_PAR)),
                new Sequence("key in ( value1, value2 )", List.of(id, Token.IN, Token.OPEN_PAR, id, Token.COMMA, id, Token.CLOSED_PAR)),
                new Sequence("key", List.of(id)),
                new Sequence("!key", List.of(Token.DOES_NOT_EXIST, id)),
                new Sequence("()", List.of(Token.OPEN_PAR, Token.CLOSED_PAR)),
                new Sequence("x in (),y", List.of(id, Token.IN, Token.OPEN_PAR, Token.CLOSED_PAR, Token.COMMA, id)),
                new Sequence("== != (), = notin", List.of(Token.DOUBLE_EQUALS, Token.NOT_EQUALS, Token.OPEN_PAR, Token.CLOSED_PAR,
                        Token.COMMA, Token.EQUALS, Token.NOT_IN)),
                new Sequence("key>2", List.of(id, Token.GREATER_THAN, id)),
                new Sequence("key<1", List.of(id, Token.LESS_THAN, id)));
    }

    @ParameterizedTest
    @MethodSource("sequences")
    void lexSequences(Sequence row) {
        List<Token> tokens = LabelSelectorParser.tokens(row.input()).stream().map(Item::token)
                .filter(t -> t != Token.END_OF_STRING).toList();
        assertThat(tokens).isEqualTo(row.tokens());
    }
}
