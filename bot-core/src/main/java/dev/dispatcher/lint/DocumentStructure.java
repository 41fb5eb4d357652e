package dev.dispatcher.lint;

import dev.dispatcher.knowledge.Section;
import dev.dispatcher.knowledge.TextFile;
import dev.dispatcher.routing.Specialist;
import dev.dispatcher.routing.SpecialistCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The specialists' documents as Markdown: one that is not there (its tasks fall back), one without {@code ##}
 * sections (replies can only link its top, and matching is coarse), and links to a section or file that does not
 * exist. Code blocks are skipped; links to other sites are not followed.
 */
final class DocumentStructure {

    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");

    /** A document's headings' anchors and its links, outside code blocks. */
    private record Parsed(Set<String> anchors, int sections, List<String> links) {}

    private final Map<Path, Parsed> parsed = new HashMap<>();

    List<Warning> check(Path folder, SpecialistCatalog catalog) {
        Map<String, String> owners = new LinkedHashMap<>();
        catalog.specialists().forEach(s -> owners.putIfAbsent(s.document(), s.id()));
        List<Warning> warnings = new ArrayList<>();
        for (Map.Entry<String, String> document : owners.entrySet()) {
            Path file = folder.resolve(document.getKey()).normalize();
            Parsed doc = parse(file);
            if (doc == null) {
                warnings.add(new Warning(document.getKey(), "not found: tasks routed to " + document.getValue()
                        + " fall back to " + catalog.fallback().id()));
                continue;
            }
            if (doc.sections() == 0) {
                warnings.add(new Warning(document.getKey(), "has no sections ('## ' headings): replies can only link its top,"
                        + " and a task is matched against the whole document at once"));
            }
            for (String link : doc.links()) {
                String problem = brokenLink(folder, file, link);
                if (problem != null) {
                    warnings.add(new Warning(document.getKey(), "the link (" + link + ") " + problem));
                }
            }
        }
        return warnings;
    }

    private String brokenLink(Path folder, Path from, String link) {
        if (link.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
            return null;   // http:, https:, mailto: … are not ours to check
        }
        int hash = link.indexOf('#');
        String path = hash < 0 ? link : link.substring(0, hash);
        String anchor = hash < 0 ? null : link.substring(hash + 1);
        Path target = path.isEmpty() ? from : from.getParent().resolve(path).normalize();
        if (!path.isEmpty() && !Files.exists(target)) {
            return "points at " + folder.relativize(target).toString().replace('\\', '/') + ", which does not exist";
        }
        if (anchor == null || anchor.isEmpty() || !target.getFileName().toString().endsWith(".md")) {
            return null;
        }
        Parsed doc = parse(target);
        if (doc != null && !doc.anchors().contains(anchor)) {
            return "points at a section '#" + anchor + "' that " + (path.isEmpty() ? "this document" : path) + " does not have";
        }
        return null;
    }

    private Parsed parse(Path file) {
        if (parsed.containsKey(file)) {
            return parsed.get(file);
        }
        Parsed result;
        try {
            result = parse(TextFile.read(file));
        } catch (TextFile.Unreadable e) {
            result = null;
        }
        parsed.put(file, result);
        return result;
    }

    private static Parsed parse(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        List<String> links = new ArrayList<>();
        int sections = 0;
        boolean inCode = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            if (inCode) {
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                anchors.add(Section.anchorOf(heading.group(2)));
                if (heading.group(1).equals("##")) {
                    sections++;
                }
            }
            Matcher link = LINK.matcher(line.replaceAll("`[^`]*`", ""));
            while (link.find()) {
                links.add(link.group(1));
            }
        }
        return new Parsed(anchors, sections, links);
    }
}
