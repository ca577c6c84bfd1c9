package io.steersman.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnknownTest {

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void aCopyIsDeepAndUnmodifiable() {
        List<Object> list = new ArrayList<>(List.of(1, 2));
        Map<String, Object> nested = ordered("list", list);
        Map<String, Object> copy = Unknown.copy(ordered("nested", nested));

        list.add(3);
        nested.put("more", true);

        assertThat(copy).isEqualTo(Map.of("nested", Map.of("list", List.of(1, 2))));
        assertThatThrownBy(() -> copy.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> copy.remove("absent")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(copy::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> copy.entrySet().iterator().remove()).isInstanceOf(RuntimeException.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> inner = (Map<String, Object>) copy.get("nested");
        assertThatThrownBy(() -> inner.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aCopyOfACopyIsTheSameObject() {
        Map<String, Object> big = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            big.put("k" + i, "v" + i);
        }
        Map<String, Object> copy = Unknown.copy(big);

        assertThat(Unknown.copy(copy)).isSameAs(copy);
        assertThat(Unknown.freeze(copy)).isSameAs(copy);
        assertThat(Unknown.freezeOrNull(copy)).isSameAs(copy);
    }

    @Test
    void aCopyKeepsTheKeyOrder() {
        assertThat(Unknown.copy(ordered("b", "2", "a", "1", "c", "3")).keySet()).containsExactly("b", "a", "c");
    }

    @Test
    void anEmptyObjectStaysAnEmptyObjectAndNoFieldsAreTheSharedEmptyMap() {
        assertThat(Unknown.freezeOrNull(new HashMap<>())).isEmpty();
        assertThat(Unknown.freezeOrNull(null)).isNull();
        assertThat(Unknown.copy(new HashMap<>())).isSameAs(Map.of());
        assertThat(Unknown.copy(null)).isSameAs(Map.of());
    }
}
