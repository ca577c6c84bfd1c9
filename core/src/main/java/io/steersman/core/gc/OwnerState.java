package io.steersman.core.gc;

/**
 * What became of the owner an owner reference points at, as upstream's attemptToDeleteItem sorts
 * them: still there ({@code SOLID}), gone or replaced by another object of the same name
 * ({@code DANGLING}), or being deleted in the foreground and waiting for its dependents to go
 * ({@code WAITING}).
 */
enum OwnerState { SOLID, DANGLING, WAITING }
