package io.steersman.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharingPoolTest {
    private final SharingPool pool = new SharingPool(64);

    @Test
    void anEqualValueIsTheOneSeenFirst() {
        List<String> first = List.of(new String("a"), new String("b"));
        List<String> second = List.of(new String("a"), new String("b"));

        assertThat(pool.share(first)).isSameAs(first);
        assertThat(pool.share(second)).isSameAs(first);
    }

    @Test
    void aDifferentValueTakesTheSlotAndIsItself() {
        String a = pool.share(new String("a"));
        String b = new String("b");

        assertThat(pool.share(b)).isSameAs(b);
        assertThat(pool.share(new String("a"))).isEqualTo(a);
    }

    @Test
    void equalValuesOfAnotherClassAreNotMixed() {
        List<Integer> immutable = List.of(1, 2);
        List<Integer> mutable = new ArrayList<>(List.of(1, 2));

        pool.share(immutable);

        assertThat(pool.share(mutable)).isSameAs(mutable);
    }

    @Test
    void nullAndEmptyCollectionsStayAsTheyAre() {
        List<String> empty = new ArrayList<>();

        assertThat(pool.<String>share(null)).isNull();
        assertThat(pool.share(empty)).isSameAs(empty);
        assertThat(pool.share(Map.of())).isSameAs(Map.of());
    }

    @Test
    void aValueThatIsTheStoredPartIsNotLookedAt() {
        String stored = new String("x");
        pool.share(new String("x"));

        assertThat(pool.share(stored, stored)).isSameAs(stored);
    }

    @Test
    void theSlotCountIsAPowerOfTwo() {
        assertThatThrownBy(() -> new SharingPool(100)).isInstanceOf(IllegalArgumentException.class);
    }
}
