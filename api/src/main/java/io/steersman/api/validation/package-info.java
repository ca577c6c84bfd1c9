/**
 * Upstream's validation rules for the built-in kinds, one class per area:
 * {@link io.steersman.api.validation.MetaValidation} (object metadata, labels, annotations, owner
 * references, label selectors), {@link io.steersman.api.validation.PodValidation},
 * {@link io.steersman.api.validation.AppsValidation} (Deployment, ReplicaSet, StatefulSet,
 * ControllerRevision), {@link io.steersman.api.validation.ServiceValidation},
 * {@link io.steersman.api.validation.StorageValidation} (claims, volumes, storage classes),
 * {@link io.steersman.api.validation.NetworkValidation} (Endpoints, EndpointSlices) and
 * {@link io.steersman.api.validation.CoreValidation} (Namespace, ConfigMap, Secret,
 * ServiceAccount, Node, Event, Lease); {@link io.steersman.api.validation.Names} holds the syntax
 * checks.
 *
 * <p>Each kind's validator has the shape of {@code ResourceType.Validator}: {@code (object, old)},
 * {@code old} null on create, returning every broken rule as a {@code FieldError} with upstream's
 * JSON path, type and message, in upstream's order. The messages are API: kubectl prints them,
 * e.g. {@code spec.replicas: Invalid value: -1: must be greater than or equal to 0}. Validators
 * expect defaulted objects ({@code io.steersman.api.defaults}), as upstream validates after
 * defaulting. Where Steersman deviates, the method says so.
 */
package io.steersman.api.validation;
