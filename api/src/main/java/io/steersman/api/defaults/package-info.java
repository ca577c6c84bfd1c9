/**
 * Upstream's defaulting of the built-in kinds ({@code SetDefaults_*} of core/v1, apps/v1,
 * storage/v1 and discovery/v1): {@link io.steersman.api.defaults.Defaults} has one function per
 * kind, shaped as {@code ResourceType.Defaulter}, that fills absent fields and leaves set ones
 * alone. Defaulting is idempotent and runs on every write, as upstream runs it on every decode;
 * what upstream sets only on create (a namespace's {@code kubernetes} finalizer, a pod's status)
 * belongs to the store's kind strategies instead.
 */
package io.steersman.api.defaults;
