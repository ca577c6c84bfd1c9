package io.steersman.core.controller;

import io.steersman.api.client.Client;
import io.steersman.api.controller.Clock;
import io.steersman.api.controller.Context;
import io.steersman.api.controller.EventRecorder;
import java.util.Optional;

/** The context of one reconcile: the primary as the cache had it when the reconcile began. */
record ReconcileContext<T>(Optional<T> primary, Client client, Clock clock, EventRecorder events) implements Context<T> {}
