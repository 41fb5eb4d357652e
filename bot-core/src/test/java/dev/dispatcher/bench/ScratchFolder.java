package dev.dispatcher.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A benchmark's throw-away folder: in memory ({@code /dev/shm}) where there is one, so disk syncs are not measured. */
final class ScratchFolder {

    private ScratchFolder() {}

    static Path create(String prefix) throws IOException {
        Path shm = Path.of("/dev/shm");
        return Files.isWritable(shm) ? Files.createTempDirectory(shm, prefix) : Files.createTempDirectory(prefix);
    }

    static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (UncheckedIOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
