package io.steersman.api.model.apps;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.IntOrString;
import io.steersman.api.model.Unknown;
import java.util.Map;

/** {@code apps/v1.StatefulSetUpdateStrategy}: {@code type} is RollingUpdate (the default) or OnDelete. */
public record StatefulSetUpdateStrategy(
        String type,
        RollingUpdateStatefulSetStrategy rollingUpdate,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public static final String ROLLING_UPDATE = "RollingUpdate";
    public static final String ON_DELETE = "OnDelete";

    public StatefulSetUpdateStrategy {
        unknownFields = Unknown.copy(unknownFields);
    }

    public static StatefulSetUpdateStrategy rollingUpdate(int partition) {
        return new StatefulSetUpdateStrategy(ROLLING_UPDATE, new RollingUpdateStatefulSetStrategy(partition, null, null), null);
    }

    /** {@code partition}, or 0 when there is no rolling update section. */
    public int partitionOrZero() {
        return rollingUpdate == null || rollingUpdate.partition() == null ? 0 : rollingUpdate.partition();
    }

    /** {@code apps/v1.RollingUpdateStatefulSetStrategy}: ordinals below {@code partition} keep the old revision. */
    public record RollingUpdateStatefulSetStrategy(
            Integer partition,
            IntOrString maxUnavailable,
            @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
        public RollingUpdateStatefulSetStrategy {
            unknownFields = Unknown.copy(unknownFields);
        }
    }
}
