package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Quantity;
import io.steersman.api.model.Unknown;
import io.steersman.api.model.Values;
import java.util.List;
import java.util.Map;

/** {@code v1.PersistentVolumeClaimStatus}: {@code phase} is Pending, Bound or Lost. */
public record PersistentVolumeClaimStatus(
        String phase,
        List<String> accessModes,
        Map<String, Quantity> capacity,
        List<PersistentVolumeClaimCondition> conditions,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public static final String PENDING = "Pending";
    public static final String BOUND = "Bound";
    public static final String LOST = "Lost";
    public static final PersistentVolumeClaimStatus EMPTY = new PersistentVolumeClaimStatus(null, null, null, null, null);

    public PersistentVolumeClaimStatus {
        accessModes = Values.list(accessModes);
        capacity = Values.map(capacity);
        conditions = Values.list(conditions);
        unknownFields = Unknown.copy(unknownFields);
    }

    public static PersistentVolumeClaimStatus of(String phase) {
        return new PersistentVolumeClaimStatus(phase, null, null, null, null);
    }

    /** Bound, with the volume's access modes and capacity, as the binder reports it. */
    public static PersistentVolumeClaimStatus bound(List<String> accessModes, Map<String, Quantity> capacity) {
        return new PersistentVolumeClaimStatus(BOUND, accessModes, capacity, null, null);
    }
}
