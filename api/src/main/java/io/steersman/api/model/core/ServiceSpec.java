package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Unknown;
import io.steersman.api.model.Values;
import java.util.List;
import java.util.Map;

/**
 * {@code v1.ServiceSpec}. {@code type} is ClusterIP, NodePort, LoadBalancer or ExternalName;
 * {@code clusterIP: None} makes the service headless. Other fields (externalTrafficPolicy,
 * internalTrafficPolicy, ...) are kept in {@link #unknownFields}.
 */
public record ServiceSpec(
        String type,
        Map<String, String> selector,
        List<ServicePort> ports,
        String clusterIP,
        List<String> clusterIPs,
        List<String> ipFamilies,
        String ipFamilyPolicy,
        String sessionAffinity,
        Boolean publishNotReadyAddresses,
        String externalName,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public static final String CLUSTER_IP_NONE = "None";
    public static final ServiceSpec EMPTY = new ServiceSpec(null, null, null, null, null, null, null, null, null, null, null);

    public ServiceSpec {
        selector = Values.map(selector);
        ports = Values.list(ports);
        clusterIPs = Values.list(clusterIPs);
        ipFamilies = Values.list(ipFamilies);
        unknownFields = Unknown.copy(unknownFields);
    }

    public static ServiceSpec of(Map<String, String> selector, List<ServicePort> ports) {
        return new ServiceSpec(null, selector, ports, null, null, null, null, null, null, null, null);
    }

    /** {@code clusterIP: None}: no virtual IP; DNS answers with the pods' addresses. */
    public boolean isHeadless() {
        return CLUSTER_IP_NONE.equals(clusterIP);
    }

    /** A copy with {@code clusterIP} and {@code clusterIPs} set together, as allocation does. */
    public ServiceSpec withClusterIP(String clusterIP) {
        return new ServiceSpec(type, selector, ports, clusterIP, clusterIP == null ? List.of() : List.of(clusterIP),
                ipFamilies, ipFamilyPolicy, sessionAffinity, publishNotReadyAddresses, externalName, unknownFields);
    }

    public ServiceSpec withType(String type) {
        return new ServiceSpec(type, selector, ports, clusterIP, clusterIPs, ipFamilies, ipFamilyPolicy,
                sessionAffinity, publishNotReadyAddresses, externalName, unknownFields);
    }

    public ServiceSpec withPorts(List<ServicePort> ports) {
        return new ServiceSpec(type, selector, ports, clusterIP, clusterIPs, ipFamilies, ipFamilyPolicy,
                sessionAffinity, publishNotReadyAddresses, externalName, unknownFields);
    }
}
