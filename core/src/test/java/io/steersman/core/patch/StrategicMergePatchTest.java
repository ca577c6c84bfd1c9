package io.steersman.core.patch;

import static io.steersman.core.patch.TestJson.bytes;
import static io.steersman.core.patch.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.steersman.api.client.ApiException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Upstream's own cases from k8s.io/apimachinery/pkg/util/strategicpatch/patch_test.go
 * (customStrategicMergePatchTestCaseData, strategicMergePatchRawTestCases), applied to the same
 * MergeItem schema: original + patch = result.
 */
class StrategicMergePatchTest {
    /** upstream's MergeItem test type: mergingList by name, mergingIntList as a set, the rest plain. */
    private static final PatchSchema MERGE_ITEM = mergeItem();

    private static PatchSchema mergeItem() {
        PatchSchema item = new PatchSchema();
        item.merge("mergingList", item, "name")
                .set("mergingIntList")
                .merge("retainKeysMergingList", item, "name")
                .set("retainKeysMap.mergingIntList")
                .merge("retainKeysMap.mergingList", item, "name");
        return item;
    }

    record Case(String description, String original, String patch, String result) {
        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Case> upstreamCases() {
        return Stream.of(
                new Case("unique scalars when merging lists",
                        "{'mergingIntList':[1,2]}", "{'mergingIntList':[2,3]}", "{'mergingIntList':[1,2,3]}"),
                new Case("delete map from nested map",
                        "{'simpleMap':{'key1':1,'key2':1}}", "{'simpleMap':{'$patch':'delete'}}", "{'simpleMap':{}}"),
                new Case("delete all items from merging list",
                        "{'mergingList':[{'name':1},{'name':2}]}", "{'mergingList':[{'$patch':'replace'}]}", "{'mergingList':[]}"),
                new Case("merge empty merging lists", "{'mergingList':[]}", "{'mergingList':[]}", "{'mergingList':[]}"),
                new Case("delete all keys from map", "{'name':1,'value':1}", "{'$patch':'replace'}", "{}"),
                new Case("add key and delete all keys from map", "{'name':1,'value':1}", "{'other':'a','$patch':'replace'}", "{'other':'a'}"),
                new Case("de-duplicate entries in a merging list",
                        "{'mergingList':[{'name':1},{'name':1},{'name':2,'value':'a'},{'name':3},{'name':3}]}",
                        "{'mergingList':[{'name':1,'$patch':'delete'},{'name':3,'$patch':'delete'}]}",
                        "{'mergingList':[{'name':2,'value':'a'}]}"),
                new Case("retainKeys map can delete a field when no retainKeys directive present",
                        "{'retainKeysMap':{'name':'foo','value':'a'}}", "{'retainKeysMap':{'value':null}}", "{'retainKeysMap':{'name':'foo'}}"),
                new Case("retainKeys map merge an empty map",
                        "{'retainKeysMap':{'name':'foo','value':'a'}}", "{'retainKeysMap':{}}", "{'retainKeysMap':{'name':'foo','value':'a'}}"),
                new Case("retainKeys list can delete a field when no retainKeys directive present",
                        "{'retainKeysMergingList':[{'name':'bar'},{'name':'foo','value':'a'}]}",
                        "{'retainKeysMergingList':[{'name':'foo','value':null}]}",
                        "{'retainKeysMergingList':[{'name':'bar'},{'name':'foo'}]}"),
                new Case("preserve the order from the patch in a merging list",
                        "{'mergingList':[{'name':1},{'name':2,'value':'b'},{'name':3}]}",
                        "{'mergingList':[{'name':3,'value':'c'},{'name':1,'value':'a'},{'name':2,'other':'x'}]}",
                        "{'mergingList':[{'name':3,'value':'c'},{'name':1,'value':'a'},{'name':2,'value':'b','other':'x'}]}"),
                new Case("preserve the order from the patch in a merging list 2",
                        "{'mergingList':[{'name':1},{'name':2,'value':'b'},{'name':3}]}",
                        "{'mergingList':[{'name':3,'value':'c'},{'name':1,'value':'a'}]}",
                        "{'mergingList':[{'name':2,'value':'b'},{'name':3,'value':'c'},{'name':1,'value':'a'}]}"),
                new Case("preserve the order from the patch in a merging int list",
                        "{'mergingIntList':[1,2,3]}", "{'mergingIntList':[3,1,2]}", "{'mergingIntList':[3,1,2]}"),
                new Case("preserve the order from the patch in a merging int list, partial",
                        "{'mergingIntList':[1,2,3]}", "{'mergingIntList':[3,1]}", "{'mergingIntList':[2,3,1]}"),
                new Case("$setElementOrder contains item that is not present in the list to be merged",
                        "{'mergingList':[{'name':1},{'name':3}]}",
                        "{'$setElementOrder/mergingList':[{'name':3},{'name':2},{'name':1}],'mergingList':[{'name':3,'value':3},{'name':1,'value':1}]}",
                        "{'mergingList':[{'name':3,'value':3},{'name':1,'value':1}]}"),
                new Case("$setElementOrder contains item that is not present in the int list to be merged",
                        "{'mergingIntList':[1,3]}", "{'$setElementOrder/mergingIntList':[3,2,1]}", "{'mergingIntList':[3,1]}"),
                new Case("delete items in lists of scalars",
                        "{'mergingIntList':[1,2,3,4]}",
                        "{'$setElementOrder/mergingIntList':[1,2],'$deleteFromPrimitiveList/mergingIntList':[3]}",
                        "{'mergingIntList':[1,2,4]}"),
                new Case("delete all duplicate items in lists of scalars",
                        "{'mergingIntList':[1,2,3,3,4]}",
                        "{'$setElementOrder/mergingIntList':[1,2],'$deleteFromPrimitiveList/mergingIntList':[3]}",
                        "{'mergingIntList':[1,2,4]}"),
                new Case("merge lists of maps",
                        "{'mergingList':[{'name':1,'other':'a'},{'name':2,'value':2,'other':'b'}]}",
                        "{'$setElementOrder/mergingList':[{'name':4},{'name':1},{'name':2},{'name':3}],"
                                + "'mergingList':[{'name':4,'value':4},{'name':3,'value':3}]}",
                        "{'mergingList':[{'name':4,'value':4},{'name':1,'other':'a'},{'name':2,'value':2,'other':'b'},{'name':3,'value':3}]}"),
                new Case("add field to map in merging list",
                        "{'mergingList':[{'name':1,'other':'a'},{'name':2,'value':2,'other':'b'}]}",
                        "{'$setElementOrder/mergingList':[{'name':1},{'name':2}],'mergingList':[{'name':1,'value':1}]}",
                        "{'mergingList':[{'name':1,'value':1,'other':'a'},{'name':2,'value':2,'other':'b'}]}"),
                new Case("add field and delete field from map", "{'name':1,'other':'a'}", "{'name':null,'value':1}", "{'value':1,'other':'a'}"),
                new Case("delete field from nested map",
                        "{'simpleMap':{'key1':1,'key2':1,'other':'a'}}", "{'simpleMap':{'key2':null}}", "{'simpleMap':{'key1':1,'other':'a'}}"),
                new Case("replace list of scalars", "{'nonMergingIntList':[1,2]}", "{'nonMergingIntList':[2,3]}", "{'nonMergingIntList':[2,3]}"),
                new Case("delete all maps from merging list with conflict",
                        "{'mergingList':[{'name':1,'other':'a'},{'name':2,'other':'b'}]}",
                        "{'mergingList':[{'name':1,'$patch':'delete'},{'name':2,'$patch':'delete'}]}",
                        "{'mergingList':[]}"),
                new Case("defined null values should propagate overwrite current fields",
                        "{'name':'a','other':'a'}", "{'name':1,'value':1,'other':null}", "{'name':1,'value':1}"),
                new Case("retainKeys clears the fields it does not name",
                        "{'retainKeysMap':{'name':'foo','value':'a','other':'b'}}",
                        "{'retainKeysMap':{'$retainKeys':['name','value'],'value':'c'}}",
                        "{'retainKeysMap':{'name':'foo','value':'c'}}"),
                new Case("retainKeys on an element of a merging list",
                        "{'retainKeysMergingList':[{'name':'foo','value':'a','other':'b'}]}",
                        "{'retainKeysMergingList':[{'name':'foo','$retainKeys':['name','other']}]}",
                        "{'retainKeysMergingList':[{'name':'foo','other':'b'}]}"),
                new Case("a new element without order directive comes first",
                        "{'mergingList':[{'name':'a'}]}", "{'mergingList':[{'name':'b'}]}", "{'mergingList':[{'name':'b'},{'name':'a'}]}"),
                new Case("nested merging list inside a merged element",
                        "{'mergingList':[{'name':'a','mergingList':[{'name':'x','value':1}]}]}",
                        "{'mergingList':[{'name':'a','mergingList':[{'name':'y','value':2}]}]}",
                        "{'mergingList':[{'name':'a','mergingList':[{'name':'y','value':2},{'name':'x','value':1}]}]}"),
                new Case("directives inside a new value are resolved, not stored",
                        "{}",
                        "{'simpleMap':{'a':'1','b':null},'mergingList':[{'name':'x','$patch':'delete'},{'name':'y'}],'$unknown':'z'}",
                        "{'simpleMap':{'a':'1'},'mergingList':[{'name':'y'}]}"),
                new Case("delete of an absent map removes the key", "{'name':1}", "{'simpleMap':{'$patch':'delete'}}", "{'name':1}"));
    }

    @ParameterizedTest
    @MethodSource("upstreamCases")
    void appliesUpstreamCases(Case c) {
        assertThat(StrategicMergePatch.apply(json(c.original()), bytes(c.patch()), MERGE_ITEM)).isEqualTo(json(c.result()));
    }

    @Test
    void setElementOrderThatContradictsThePatchListIsRefused() {
        assertThatThrownBy(() -> StrategicMergePatch.apply(json("{'mergingList':[{'name':1},{'name':3},{'name':2}]}"),
                bytes("{'$setElementOrder/mergingList':[{'name':1},{'name':2},{'name':3}],'mergingList':[{'name':3,'value':3},{'name':1,'value':1}]}"),
                MERGE_ITEM))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("doesn't match"));
    }

    @Test
    void elementWithoutMergeKeyIsRefused() {
        assertThatThrownBy(() -> StrategicMergePatch.apply(json("{'mergingList':[{'name':1,'value':'a'}]}"),
                bytes("{'mergingList':[{'value':'b'}]}"), MERGE_ITEM))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(500);
                    assertThat(e.getMessage()).contains("does not contain declared merge key: name");
                });
    }

    @Test
    void retainKeysThatOmitAPatchedFieldIsBadRequest() {
        assertThatThrownBy(() -> StrategicMergePatch.apply(json("{'retainKeysMap':{'name':'foo'}}"),
                bytes("{'retainKeysMap':{'$retainKeys':['name'],'value':'x'}}"), MERGE_ITEM))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("invalid patch format of retainKeys");
                });
    }

    @Test
    void unknownPatchDirectiveIsRefused() {
        assertThatThrownBy(() -> StrategicMergePatch.apply(json("{'simpleMap':{'a':'b'}}"),
                bytes("{'simpleMap':{'$patch':'frobnicate'}}"), MERGE_ITEM))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).startsWith("unknown patch type: frobnicate"));
        assertThatThrownBy(() -> StrategicMergePatch.apply(json("{'mergingList':[{'name':1}]}"),
                bytes("{'mergingList':[{'$patch':'merge'}]}"), MERGE_ITEM))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).isEqualTo("merging lists cannot yet be specified in the patch"));
    }

    @Test
    void listOfListsIsInvalid() {
        assertThatThrownBy(() -> StrategicMergePatch.apply(json("{'mergingIntList':[[1]]}"),
                bytes("{'mergingIntList':[[2]]}"), MERGE_ITEM))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(422));
    }

    @Test
    void patchThatIsNotAnObjectIsBadRequest() {
        assertThatThrownBy(() -> StrategicMergePatch.apply(json("{}"), bytes("[1]"), MERGE_ITEM))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("json: cannot unmarshal array into Go value of type map[string]interface {}");
                });
    }
}
