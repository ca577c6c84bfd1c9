package io.steersman.core.patch;

import static io.steersman.core.patch.TestJson.bytes;
import static io.steersman.core.patch.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.steersman.api.client.ApiException;
import io.steersman.api.client.InvalidException;
import io.steersman.api.client.PatchType;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonPatchTest {
    private static final PatchContext DEPLOYMENT = PatchContext.of("apps/v1", "Deployment");

    /** One example of RFC 6902 appendix A: document, patch, result (null when the patch must fail). */
    record Example(String name, String document, String patch, String result) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Example> rfc6902() {
        return Stream.of(
                new Example("A.1 adding an object member", "{'foo':'bar'}",
                        "[{'op':'add','path':'/baz','value':'qux'}]", "{'baz':'qux','foo':'bar'}"),
                new Example("A.2 adding an array element", "{'foo':['bar','baz']}",
                        "[{'op':'add','path':'/foo/1','value':'qux'}]", "{'foo':['bar','qux','baz']}"),
                new Example("A.3 removing an object member", "{'baz':'qux','foo':'bar'}",
                        "[{'op':'remove','path':'/baz'}]", "{'foo':'bar'}"),
                new Example("A.4 removing an array element", "{'foo':['bar','qux','baz']}",
                        "[{'op':'remove','path':'/foo/1'}]", "{'foo':['bar','baz']}"),
                new Example("A.5 replacing a value", "{'baz':'qux','foo':'bar'}",
                        "[{'op':'replace','path':'/baz','value':'boo'}]", "{'baz':'boo','foo':'bar'}"),
                new Example("A.6 moving a value", "{'foo':{'bar':'baz','waldo':'fred'},'qux':{'corge':'grault'}}",
                        "[{'op':'move','from':'/foo/waldo','path':'/qux/thud'}]",
                        "{'foo':{'bar':'baz'},'qux':{'corge':'grault','thud':'fred'}}"),
                new Example("A.7 moving an array element", "{'foo':['all','grass','cows','eat']}",
                        "[{'op':'move','from':'/foo/1','path':'/foo/3'}]", "{'foo':['all','cows','eat','grass']}"),
                new Example("A.8 testing a value: success", "{'baz':'qux','foo':['a',2,'c']}",
                        "[{'op':'test','path':'/baz','value':'qux'},{'op':'test','path':'/foo/1','value':2}]",
                        "{'baz':'qux','foo':['a',2,'c']}"),
                new Example("A.9 testing a value: error", "{'baz':'qux'}",
                        "[{'op':'test','path':'/baz','value':'bar'}]", null),
                new Example("A.10 adding a nested member object", "{'foo':'bar'}",
                        "[{'op':'add','path':'/child','value':{'grandchild':{}}}]", "{'foo':'bar','child':{'grandchild':{}}}"),
                new Example("A.11 ignoring unrecognized elements", "{'foo':'bar'}",
                        "[{'op':'add','path':'/baz','value':'qux','xyz':123}]", "{'foo':'bar','baz':'qux'}"),
                new Example("A.12 adding to a nonexistent target", "{'foo':'bar'}",
                        "[{'op':'add','path':'/baz/bat','value':'qux'}]", null),
                new Example("A.14 ~ escape ordering", "{'/':9,'~1':10}",
                        "[{'op':'test','path':'/~01','value':10}]", "{'/':9,'~1':10}"),
                new Example("A.15 comparing strings and numbers", "{'/':9,'~1':10}",
                        "[{'op':'test','path':'/~01','value':'10'}]", null),
                new Example("A.16 adding an array value", "{'foo':['bar']}",
                        "[{'op':'add','path':'/foo/-','value':['abc','def']}]", "{'foo':['bar',['abc','def']]}"),
                new Example("copy", "{'a':{'b':1}}",
                        "[{'op':'copy','from':'/a','path':'/c'}]", "{'a':{'b':1},'c':{'b':1}}"),
                new Example("~1 escapes a slash in a key", "{'metadata':{'annotations':{'a/b':'x'}}}",
                        "[{'op':'replace','path':'/metadata/annotations/a~1b','value':'y'}]",
                        "{'metadata':{'annotations':{'a/b':'y'}}}"),
                new Example("remove of a missing member fails", "{'a':1}",
                        "[{'op':'remove','path':'/b'}]", null),
                new Example("unknown op fails", "{'a':1}",
                        "[{'op':'frobnicate','path':'/a'}]", null));
    }

    @ParameterizedTest
    @MethodSource("rfc6902")
    void appliesRfc6902Examples(Example example) {
        if (example.result() == null) {
            assertThatThrownBy(() -> Patches.apply(PatchType.JSON, json(example.document()), bytes(example.patch()), DEPLOYMENT))
                    .isInstanceOf(InvalidException.class)
                    .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo(422));
        } else {
            assertThat(Patches.apply(PatchType.JSON, json(example.document()), bytes(example.patch()), DEPLOYMENT))
                    .isEqualTo(json(example.result()));
        }
    }

    @Test
    void rolloutUndoReplacesTemplateAndAnnotations() {
        var live = json("{'metadata':{'name':'web','annotations':{'deployment.kubernetes.io/revision':'3'}},"
                + "'spec':{'replicas':3,'template':{'metadata':{'labels':{'app':'nginx'}},'spec':{'containers':[{'name':'nginx','image':'nginx:1.91'}]}}}}");
        var patch = "[{'op':'replace','path':'/spec/template','value':{'metadata':{'creationTimestamp':null,'labels':{'app':'nginx'}},"
                + "'spec':{'containers':[{'name':'nginx','image':'nginx:1.14.2'}]}}},"
                + "{'op':'replace','path':'/metadata/annotations','value':{'deployment.kubernetes.io/revision':'2'}}]";

        var result = Patches.apply(PatchType.JSON, live, bytes(patch), DEPLOYMENT);

        assertThat(result.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("nginx:1.14.2");
        assertThat(result.at("/metadata/annotations")).isEqualTo(json("{'deployment.kubernetes.io/revision':'2'}"));
        assertThat(result.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(live.at("/spec/template/spec/containers/0/image").asText()).as("input untouched").isEqualTo("nginx:1.91");
    }

    @Test
    void replaceOfMissingAnnotationsIsInvalidWithUpstreamsMessage() {
        var live = json("{'metadata':{'name':'web'}}");
        var patch = bytes("[{'op':'replace','path':'/metadata/annotations','value':{'a':'b'}}]");

        assertThatThrownBy(() -> Patches.apply(PatchType.JSON, live, patch, DEPLOYMENT))
                .isInstanceOfSatisfying(InvalidException.class, e -> {
                    assertThat(e.code()).isEqualTo(422);
                    assertThat(e.reason()).isEqualTo("Invalid");
                    assertThat(e.getMessage()).isEqualTo("the server rejected our request due to an error in our request");
                    assertThat(e.getCause()).isNotNull();
                });
    }

    @Test
    void bodyThatIsNotAnArrayOfOperationsIsBadRequest() {
        var live = json("{}");
        assertThatThrownBy(() -> Patches.apply(PatchType.JSON, live, bytes("{'op':'add'}"), DEPLOYMENT))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(400);
                    assertThat(e.reason()).isEqualTo("BadRequest");
                    assertThat(e.getMessage()).isEqualTo("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
                });
        assertThatThrownBy(() -> Patches.apply(PatchType.JSON, live, "[{".getBytes(StandardCharsets.UTF_8), DEPLOYMENT))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400));
    }

    @Test
    void moreThanTenThousandOperationsIsTooLarge() {
        StringBuilder ops = new StringBuilder("[");
        for (int i = 0; i <= JsonPatch.MAX_OPERATIONS; i++) {
            ops.append(i == 0 ? "" : ",").append("{'op':'test','path':'/a','value':1}");
        }
        ops.append(']');

        assertThatThrownBy(() -> Patches.apply(PatchType.JSON, json("{'a':1}"), bytes(ops.toString()), DEPLOYMENT))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(413);
                    assertThat(e.getMessage()).isEqualTo(
                            "Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001");
                });
    }
}
