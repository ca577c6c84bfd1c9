package io.steersman.core.patch;

import static io.steersman.core.patch.TestJson.bytes;
import static io.steersman.core.patch.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.steersman.api.client.ApiException;
import io.steersman.api.client.PatchType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MergePatchTest {
    private static final PatchContext WEBSITE = PatchContext.of("example.com/v1", "Website");

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            {'a':'b'}                 | {'a':'c'}                    | {'a':'c'}
            {'a':'b'}                 | {'b':'c'}                    | {'a':'b','b':'c'}
            {'a':'b'}                 | {'a':null}                   | {}
            {'a':'b','b':'c'}         | {'a':null}                   | {'b':'c'}
            {'a':['b']}               | {'a':'c'}                    | {'a':'c'}
            {'a':'c'}                 | {'a':['b']}                  | {'a':['b']}
            {'a':{'b':'c'}}           | {'a':{'b':'d','c':null}}     | {'a':{'b':'d'}}
            {'a':[{'b':'c'}]}         | {'a':[1]}                    | {'a':[1]}
            ['a','b']                 | ['c','d']                    | ['c','d']
            {'a':'b'}                 | ['c']                        | ['c']
            {'e':null}                | {'a':1}                      | {'e':null,'a':1}
            [1,2]                     | {'a':'b','c':null}           | {'a':'b'}
            {}                        | {'a':{'bb':{'ccc':null}}}    | {'a':{'bb':{}}}
            """)
    void appliesRfc7386Examples(String target, String patch, String result) {
        assertThat(Patches.apply(PatchType.MERGE, json(target), bytes(patch), WEBSITE)).isEqualTo(json(result));
    }

    @Test
    void scaleMergePatchSetsReplicas() {
        var live = json("{'spec':{'replicas':3,'selector':{'matchLabels':{'app':'nginx'}}}}");

        var result = Patches.apply(PatchType.MERGE, live, bytes("{'spec':{'replicas':4}}"), WEBSITE);

        assertThat(result).isEqualTo(json("{'spec':{'replicas':4,'selector':{'matchLabels':{'app':'nginx'}}}}"));
    }

    @Test
    void mergePatchReplacesListsWhole() {
        var live = json("{'spec':{'containers':[{'name':'a','image':'x'},{'name':'b'}]}}");

        var result = Patches.apply(PatchType.MERGE, live, bytes("{'spec':{'containers':[{'name':'a','image':'y'}]}}"), WEBSITE);

        assertThat(result).isEqualTo(json("{'spec':{'containers':[{'name':'a','image':'y'}]}}"));
    }

    @Test
    void scalarNullOrUnreadablePatchIsBadRequest() {
        for (String body : new String[] {"'bar'", "null", "{", "3"}) {
            assertThatThrownBy(() -> Patches.apply(PatchType.MERGE, json("{'a':'foo'}"), bytes(body), WEBSITE))
                    .as(body)
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.code()).isEqualTo(400);
                        assertThat(e.getMessage()).isEqualTo("Invalid JSON Patch");
                    });
        }
    }
}
