package io.steersman.api.model.apps;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.IntOrString;
import io.steersman.api.model.Unknown;
import java.util.Map;

/** {@code apps/v1.DeploymentStrategy}: {@code type} is RollingUpdate (the default) or Recreate. */
public record DeploymentStrategy(
        String type,
        RollingUpdateDeployment rollingUpdate,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public static final String ROLLING_UPDATE = "RollingUpdate";
    public static final String RECREATE = "Recreate";

    public DeploymentStrategy {
        unknownFields = Unknown.copy(unknownFields);
    }

    public static DeploymentStrategy recreate() {
        return new DeploymentStrategy(RECREATE, null, null);
    }

    public static DeploymentStrategy rollingUpdate(IntOrString maxSurge, IntOrString maxUnavailable) {
        return new DeploymentStrategy(ROLLING_UPDATE, new RollingUpdateDeployment(maxUnavailable, maxSurge, null), null);
    }

    /** {@code apps/v1.RollingUpdateDeployment}: absolute numbers or percentages of replicas. */
    public record RollingUpdateDeployment(
            IntOrString maxUnavailable,
            IntOrString maxSurge,
            @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
        public RollingUpdateDeployment {
            unknownFields = Unknown.copy(unknownFields);
        }
    }
}
