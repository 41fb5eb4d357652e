package dev.dispatcher.app;

import dev.dispatcher.knowledge.KnowledgeBase;
import dev.dispatcher.knowledge.PromptTemplates;
import dev.dispatcher.routing.Specialist;
import dev.dispatcher.routing.SpecialistCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeSet;

/**
 * Everything read from the knowledge-base folder, read and checked exactly as start-up does: the routing
 * configuration, the documents, the prompt templates, and the version they make together. Immutable.
 *
 * @param version   the first 12 hex digits of a SHA-256 over every file the configuration uses, with their paths
 * @param folder    the knowledge-base folder
 * @param catalog   {@code routing.yaml}
 * @param knowledge the specialists' documents and the labelled examples
 * @param templates the prompt templates
 */
public record KnowledgeFiles(String version, Path folder, SpecialistCatalog catalog, KnowledgeBase knowledge,
                             PromptTemplates templates) {

    /** The routing configuration's name inside the folder. */
    public static final String ROUTING_FILE = "routing.yaml";

    /**
     * Reads and checks the folder.
     *
     * @param linkBase base URL of knowledge-base links, or {@code null}
     * @throws dev.dispatcher.routing.ConfigException naming the file (and field, or line and column) that is unusable
     */
    public static KnowledgeFiles read(Path folder, String linkBase) {
        SpecialistCatalog catalog = SpecialistCatalog.load(folder.resolve(ROUTING_FILE));
        KnowledgeBase knowledge = new KnowledgeBase(folder, catalog, linkBase);
        PromptTemplates templates = new PromptTemplates(folder, catalog);
        return new KnowledgeFiles(fingerprint(folder, catalog), folder, catalog, knowledge, templates);
    }

    /**
     * The version of the files as they are on disk now, for the files {@code catalog} uses and {@code routing.yaml}
     * itself (a change to which files are used changes {@code routing.yaml}). A file that is not there counts as such.
     */
    public static String fingerprint(Path folder, SpecialistCatalog catalog) {
        TreeSet<String> used = new TreeSet<>();
        used.add(ROUTING_FILE);
        used.add(catalog.activationTemplate());
        if (catalog.examplesFile() != null) {
            used.add(catalog.examplesFile());
        }
        for (Specialist s : catalog.specialists()) {
            used.add(s.document());
            used.add(s.template());
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        for (String path : used) {
            sha.update(path.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(contentOrMarker(folder.resolve(path)));
            sha.update((byte) 0);
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    }

    private static byte[] contentOrMarker(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return "(not found)".getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ("(unreadable: " + e.getMessage() + ")").getBytes(StandardCharsets.UTF_8);
        }
    }
}
