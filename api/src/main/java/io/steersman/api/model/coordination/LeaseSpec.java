package io.steersman.api.model.coordination;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.MicroTime;
import io.steersman.api.model.Unknown;
import java.util.Map;

/** {@code coordination/v1.LeaseSpec}: who holds the lease, since when, for how long. */
public record LeaseSpec(
        String holderIdentity,
        Integer leaseDurationSeconds,
        MicroTime acquireTime,
        MicroTime renewTime,
        Integer leaseTransitions,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public static final LeaseSpec EMPTY = new LeaseSpec(null, null, null, null, null, null);

    public LeaseSpec {
        unknownFields = Unknown.copy(unknownFields);
    }

    public static LeaseSpec held(String holderIdentity, int leaseDurationSeconds, MicroTime acquireTime, int leaseTransitions) {
        return new LeaseSpec(holderIdentity, leaseDurationSeconds, acquireTime, acquireTime, leaseTransitions, null);
    }

    public LeaseSpec withRenewTime(MicroTime renewTime) {
        return new LeaseSpec(holderIdentity, leaseDurationSeconds, acquireTime, renewTime, leaseTransitions, unknownFields);
    }
}
