package io.steersman.storage;
