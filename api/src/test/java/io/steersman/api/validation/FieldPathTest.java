package io.steersman.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldPathTest {

    @Test
    void printsChildrenWithDotsAndIndexesAndKeysInBrackets() {
        FieldPath path = FieldPath.of("spec", "template", "spec").child("containers").index(0).child("image");
        assertThat(path).hasToString("spec.template.spec.containers[0].image");
        assertThat(FieldPath.of("data").key("app.conf")).hasToString("data[app.conf]");
        assertThat(FieldPath.of("metadata")).hasToString("metadata");
    }

    @Test
    void pathsWithTheSameTextAreEqualHoweverTheyWereBuilt() {
        FieldPath stepwise = FieldPath.of("spec").child("template").child("metadata");
        FieldPath atOnce = FieldPath.of("spec", "template", "metadata");
        assertThat(stepwise).isEqualTo(atOnce).hasSameHashCodeAs(atOnce);
        assertThat(stepwise).isNotEqualTo(FieldPath.of("spec", "template"));
    }

    @Test
    void aPrefixIsUnchangedByItsChildren() {
        FieldPath spec = FieldPath.of("spec");
        spec.child("replicas");
        spec.index(3);
        assertThat(spec).hasToString("spec");
    }
}
