package io.steersman.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaTypeTest {
    @ParameterizedTest
    @CsvSource({
            "application/json, application/json, true",
            "'Application/JSON; charset=utf-8', application/json, true",
            "application/json, application/jso, false",
            "application/json, application/jsonx, false",
            "application/json, applicationx/json, false",
            "application/json, application.json, false",
            "application/yaml, application/json, false",
            "*/*, */*, true"})
    void isComparesTheEssence(String header, String essence, boolean expected) {
        assertThat(MediaType.parse(header).is(essence)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"application/json", "'application/json;as=Table;g=meta.k8s.io;v=v1'", "text/plain"})
    void aHeaderParsedAgainGivesAnEqualType(String header) {
        assertThat(MediaType.parse(header)).isEqualTo(MediaType.parse(header)).isEqualTo(MediaType.parse(new String(header)));
        assertThat(MediaType.parse(header).params()).isEqualTo(MediaType.parse(header + " ").params());
    }
}
