package io.steersman.api.selector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A non-empty AND of requirements, kept sorted by key (stable) as upstream's internalSelector. */
final class RequirementsSelector implements Selector {
    private final List<Requirement> requirements;
    /** Computed once: an index asks for it on every list. */
    private final Map<String, String> equalities;

    RequirementsSelector(List<Requirement> requirements) {
        List<Requirement> sorted = new ArrayList<>(requirements);
        sorted.sort((a, b) -> a.key().compareTo(b.key()));
        this.requirements = List.copyOf(sorted);
        this.equalities = Selector.super.equalities();
    }

    @Override
    public Map<String, String> equalities() {
        return equalities;
    }

    @Override
    public boolean matches(Map<String, String> labels) {
        Map<String, String> present = labels == null ? Map.of() : labels;
        for (Requirement r : requirements) {
            if (!r.matches(present)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean isEverything() {
        return false;
    }

    @Override
    public List<Requirement> requirements() {
        return requirements;
    }

    @Override
    public String toString() {
        return requirements.stream().map(Requirement::toString).collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequirementsSelector s && requirements.equals(s.requirements);
    }

    @Override
    public int hashCode() {
        return requirements.hashCode();
    }
}
