package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Unknown;
import io.steersman.api.model.Values;
import java.util.List;
import java.util.Map;

/** {@code v1 ServiceAccount}: an identity for pods; secrets and imagePullSecrets are references by name. */
public record ServiceAccount(
        String apiVersion,
        String kind,
        ObjectMeta metadata,
        List<ObjectReference> secrets,
        List<Map<String, Object>> imagePullSecrets,
        Boolean automountServiceAccountToken,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) implements ApiObject {

    public static final String API_VERSION = "v1";
    public static final String KIND = "ServiceAccount";

    public ServiceAccount {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
        secrets = Values.list(secrets);
        imagePullSecrets = Unknown.copyAll(imagePullSecrets);
        unknownFields = Unknown.copy(unknownFields);
    }

    public static ServiceAccount of(ObjectMeta metadata) {
        return new ServiceAccount(API_VERSION, KIND, metadata, null, null, null, null);
    }

    @Override
    public ServiceAccount withMetadata(ObjectMeta metadata) {
        return new ServiceAccount(apiVersion, kind, metadata, secrets, imagePullSecrets, automountServiceAccountToken,
                unknownFields);
    }
}
