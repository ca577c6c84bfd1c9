package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Unknown;
import io.steersman.api.model.Values;
import java.util.List;
import java.util.Map;

/**
 * {@code v1.Container}. Fields the model does not type (securityContext, workingDir, lifecycle,
 * terminationMessagePath, ...) are kept in {@link #unknownFields}.
 */
public record Container(
        String name,
        String image,
        String imagePullPolicy,
        List<String> command,
        List<String> args,
        List<ContainerPort> ports,
        List<EnvVar> env,
        ResourceRequirements resources,
        List<VolumeMount> volumeMounts,
        Probe livenessProbe,
        Probe readinessProbe,
        Probe startupProbe,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public Container {
        command = Values.list(command);
        args = Values.list(args);
        ports = Values.list(ports);
        env = Values.list(env);
        volumeMounts = Values.list(volumeMounts);
        unknownFields = Unknown.copy(unknownFields);
    }

    public static Container of(String name, String image) {
        return new Container(name, image, null, null, null, null, null, null, null, null, null, null, null);
    }

    public Container withImage(String image) {
        return new Container(name, image, imagePullPolicy, command, args, ports, env, resources, volumeMounts,
                livenessProbe, readinessProbe, startupProbe, unknownFields);
    }

    public Container withPorts(List<ContainerPort> ports) {
        return new Container(name, image, imagePullPolicy, command, args, ports, env, resources, volumeMounts,
                livenessProbe, readinessProbe, startupProbe, unknownFields);
    }

    public Container withEnv(List<EnvVar> env) {
        return new Container(name, image, imagePullPolicy, command, args, ports, env, resources, volumeMounts,
                livenessProbe, readinessProbe, startupProbe, unknownFields);
    }

    public Container withVolumeMounts(List<VolumeMount> volumeMounts) {
        return new Container(name, image, imagePullPolicy, command, args, ports, env, resources, volumeMounts,
                livenessProbe, readinessProbe, startupProbe, unknownFields);
    }

    public Container withReadinessProbe(Probe readinessProbe) {
        return new Container(name, image, imagePullPolicy, command, args, ports, env, resources, volumeMounts,
                livenessProbe, readinessProbe, startupProbe, unknownFields);
    }

    public Container withResources(ResourceRequirements resources) {
        return new Container(name, image, imagePullPolicy, command, args, ports, env, resources, volumeMounts,
                livenessProbe, readinessProbe, startupProbe, unknownFields);
    }
}
