package org.casework.core.assessments;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.casework.core.risk.ElderlyRiskPolicy;
import org.casework.core.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every version of every assessment instrument, read from the data files under {@code
 * instruments/} when the server starts. A file that is malformed, misnamed, or lacks what its
 * scoring method reads stops the start with a message naming the file and the item: wrong scores
 * would be worse than no server. A new version of an instrument is a new file, never an edit.
 */
@Component
public class InstrumentCatalog {

    public static final String DEFAULT_LOCATION = "classpath*:instruments/*.json";

    private final ScoringPolicies policies;
    /** code → version → definition. */
    private final Map<String, TreeMap<Integer, InstrumentDefinition>> definitions = new TreeMap<>();

    public InstrumentCatalog() {
        this(DEFAULT_LOCATION, ScoringPolicies.standard());
    }

    /** The bundled instruments, scored with the county's settings. */
    @Autowired
    public InstrumentCatalog(ChildRiskSettings childRisk, ElderlyRiskPolicy elderlyRisk) {
        this(DEFAULT_LOCATION, ScoringPolicies.standard(childRisk, elderlyRisk));
    }

    /** Loads the files matching a resource pattern (tests point it at broken files). */
    public InstrumentCatalog(String locationPattern, ScoringPolicies policies) {
        this.policies = policies;
        InstrumentFileReader reader = new InstrumentFileReader();
        for (Resource resource : resources(locationPattern)) {
            add(load(reader, resource));
        }
    }

    private static List<Resource> resources(String locationPattern) {
        try {
            List<Resource> found =
                    new ArrayList<>(List.of(new PathMatchingResourcePatternResolver().getResources(locationPattern)));
            found.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
            return found;
        } catch (IOException e) {
            throw new InvalidInstrumentException("cannot list instrument files at " + locationPattern, e);
        }
    }

    private InstrumentDefinition load(InstrumentFileReader reader, Resource resource) {
        String file = "instruments/" + resource.getFilename();
        try (InputStream in = resource.getInputStream()) {
            InstrumentDefinition definition = reader.read(in);
            if (!definition.key().fileName().equals(resource.getFilename())) {
                throw new InvalidInstrumentException("holds " + definition.key() + ", so it must be named "
                        + definition.key().fileName());
            }
            ScoringPolicy policy = policies.find(definition.scoring())
                    .orElseThrow(() -> new InvalidInstrumentException("unknown scoring method '" + definition.scoring()
                            + "' (known: " + policies.methods() + ")"));
            policy.checkDefinition(definition);
            return definition;
        } catch (InvalidInstrumentException e) {
            throw new InvalidInstrumentException("Instrument file " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InvalidInstrumentException("Instrument file " + file + " cannot be read", e);
        }
    }

    private void add(InstrumentDefinition definition) {
        InstrumentDefinition clash = definitions
                .computeIfAbsent(definition.code(), code -> new TreeMap<>())
                .putIfAbsent(definition.version(), definition);
        if (clash != null) {
            throw new InvalidInstrumentException(
                    "Instrument " + definition.key() + " is defined twice on the classpath");
        }
    }

    /** The newest version of each instrument, by code. */
    public List<InstrumentDefinition> newest() {
        return definitions.values().stream().map(v -> v.lastEntry().getValue()).toList();
    }

    /** The version new assessments use; refused for an unknown code. */
    public InstrumentDefinition newest(String code) {
        TreeMap<Integer, InstrumentDefinition> versions = definitions.get(code);
        if (versions == null) {
            throw new InvalidInputException("instrumentCode", "assessment.instrument.unknown", code);
        }
        return versions.lastEntry().getValue();
    }

    public Optional<InstrumentDefinition> find(InstrumentKey key) {
        return Optional.ofNullable(
                definitions.getOrDefault(key.code(), new TreeMap<>()).get(key.version()));
    }

    /**
     * The version an existing assessment was made with. Versions are never removed, so a missing
     * one means a data file was deleted: a deployment error, not the user's.
     */
    public InstrumentDefinition get(InstrumentKey key) {
        return find(key).orElseThrow(() -> new IllegalStateException("Instrument " + key + " is no longer installed"));
    }

    /** Scores complete answers with the method their instrument names. */
    public ScoringResult score(AssessmentAnswers answers) {
        answers.requireComplete();
        return policies.find(answers.instrument().scoring()).orElseThrow().score(answers);
    }

    /** Scores complete answers for a known person (the rules read the registry age, not a typed one). */
    public ScoringResult score(AssessmentAnswers answers, AssessedPerson person) {
        answers.requireComplete();
        return policies.find(answers.instrument().scoring()).orElseThrow().score(answers, person);
    }
}
