package io.steersman.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.codec.Codec;
import io.steersman.api.model.apps.Deployment;
import io.steersman.api.model.core.ConfigMap;
import io.steersman.api.model.core.Container;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnknownFieldsTest {
    private static final String DEPLOYMENT = """
            {"apiVersion":"apps/v1","kind":"Deployment","top":1,
             "metadata":{"name":"d","labels":{"app":"d"},"selfLink":"/x","foo":"f",
               "ownerReferences":[{"apiVersion":"v1","kind":"K","name":"o","uid":"u","ref":true}]},
             "spec":{"replicas":1,"selector":{"matchLabels":{"app":"d"},"sel":1},
               "template":{"metadata":{"labels":{"app":"d"}},
                 "spec":{"tolerations":[{"key":"k"}],"nope":{"a":1},
                   "containers":[
                     {"name":"a","image":"i","terminationMessagePolicy":"File",
                      "resources":{"limits":{"cpu":"1"},"claims":[],"what":2},
                      "ports":[{"containerPort":80},{"containerPort":81,"portly":true}]},
                     {"name":"b","image":"i","bar":[1,2],"baz":null}]}},
               "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1,"extra":1}}},
             "status":{"replicas":1,"stat":"x"}}
            """;

    @Test
    void reportsEveryUnknownFieldWithUpstreamsPathInDeclarationOrder() {
        Deployment deployment = Codec.DEFAULT.decodeJson(DEPLOYMENT.getBytes(), Deployment.class);
        assertThat(UnknownFields.of(deployment)).containsExactly(
                "metadata.ownerReferences[0].ref",
                "metadata.foo",
                "spec.selector.sel",
                "spec.template.spec.containers[0].ports[1].portly",
                "spec.template.spec.containers[0].resources.what",
                "spec.template.spec.containers[1].bar",
                "spec.template.spec.containers[1].baz",
                "spec.template.spec.nope",
                "spec.strategy.rollingUpdate.extra",
                "status.stat",
                "top");
    }

    @Test
    void fieldsUpstreamDefinesButTheModelKeepsUntypedAreNotUnknown() {
        Deployment deployment = Codec.DEFAULT.decodeJson(DEPLOYMENT.getBytes(), Deployment.class);
        assertThat(UnknownFields.of(deployment)).doesNotContain("metadata.selfLink",
                "spec.template.spec.tolerations", "spec.template.spec.containers[0].terminationMessagePolicy",
                "spec.template.spec.containers[0].resources.claims");
    }

    @Test
    void aKnownObjectHasNone() {
        ConfigMap map = Codec.DEFAULT.decodeJson("{\"metadata\":{\"name\":\"c\"},\"data\":{\"k\":\"v\"}}".getBytes(), ConfigMap.class);
        assertThat(UnknownFields.of(map)).isEmpty();
        assertThat(UnknownFields.of(null)).isEmpty();
        assertThat(UnknownFields.of("text")).isEmpty();
    }

    @Test
    void listsAndMapsOfRecordsAreWalkedFromTheTop() {
        Container odd = new Container("c", "i", null, null, null, null, null, null, null, null, null, null, Map.of("odd", 1));
        assertThat(UnknownFields.of(List.of(Container.of("a", "i"), odd))).containsExactly("[1].odd");
        assertThat(UnknownFields.of(Map.of("key", odd, "text", "x"))).containsExactly("key.odd");
    }
}
