package dev.dispatcher.deploy;

import static dev.dispatcher.deploy.DeployFiles.containerPort;
import static dev.dispatcher.deploy.DeployFiles.containers;
import static dev.dispatcher.deploy.DeployFiles.env;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dispatcher.testkit.Repository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The deployment files")
class DeploymentFilesTest {

    static final int SLACK_HTTP_PORT = 3000;
    static final int ADMIN_PORT = 9090;
    static final String POSTGRES_URL = "jdbc:postgresql://postgres:5432/dispatcher";

    @Nested
    @DisplayName("Dockerfile")
    class Dockerfile {

        private final List<String> instructions = DockerInstructions.of(DeployFiles.text("Dockerfile"));

        @Test
        @DisplayName("copies the shaded jar of every module, as the poms name it, into /app")
        void copiesTheBuiltJars() {
            for (String jar : ShadedJars.built()) {
                assertThat(instructions).as("a COPY of %s", jar)
                        .anyMatch(i -> i.startsWith("COPY --from=build /build/" + jar + " /app/"));
            }
        }

        @Test
        @DisplayName("runs as the unprivileged uid 10001, never as root")
        void runsAsNonRoot() {
            List<String> users = instructions.stream().filter(i -> i.startsWith("USER ")).toList();
            assertThat(users).as("USER instructions").isNotEmpty();
            assertThat(users.get(users.size() - 1)).isEqualTo("USER 10001:10001");
        }

        @Test
        @DisplayName("copies the poms before the sources, so a code change reuses the downloaded dependencies")
        void cachesDependencies() {
            int lastPom = DockerInstructions.last(instructions, i -> i.startsWith("COPY ") && i.contains("pom.xml"));
            int firstSource = DockerInstructions.first(instructions, i -> i.startsWith("COPY ") && i.contains("/src "));
            int firstBuild = DockerInstructions.first(instructions, i -> i.startsWith("RUN mvn"));
            assertThat(lastPom).isLessThan(firstBuild).isLessThan(firstSource);
        }

        @Test
        @DisplayName("exposes Slack's port 3000 and the admin port 9090, and keeps the SQLite default on the /data volume")
        void portsAndData() {
            assertThat(instructions).contains("EXPOSE " + SLACK_HTTP_PORT + " " + ADMIN_PORT, "VOLUME /data");
            assertThat(instructions).anyMatch(i -> i.startsWith("ENV ") && i.contains("DISPATCHER_DB_URL=jdbc:sqlite:/data/"));
        }
    }

    @Nested
    @DisplayName("entrypoint.sh")
    class Entrypoint {

        @TempDir
        Path bin;

        @Test
        @DisplayName("runs 'slack' and 'discord' from their adapter jars, without the command word")
        void chatBots() throws Exception {
            assertThat(run("slack")).isEqualTo("-jar /app/slack-adapter.jar");
            assertThat(run("discord", "--x")).isEqualTo("-jar /app/discord-adapter.jar --x");
        }

        @Test
        @DisplayName("passes every other command, with its arguments, to the bot-core jar")
        void coreCommands() throws Exception {
            assertThat(run("route", "--json", "Fix JWT expiry")).isEqualTo("-jar /app/bot-core.jar route --json Fix JWT expiry");
            assertThat(run("stats")).isEqualTo("-jar /app/bot-core.jar stats");
        }

        @Test
        @DisplayName("names only jars the Dockerfile puts in /app")
        void jarsExist() {
            Set<String> copied = new TreeSet<>();
            Matcher m = Pattern.compile("COPY --from=build \\S+ (/app/\\S+\\.jar)").matcher(String.join("\n",
                    DockerInstructions.of(DeployFiles.text("Dockerfile"))));
            while (m.find()) {
                copied.add(m.group(1));
            }
            Set<String> named = new TreeSet<>();
            Matcher n = Pattern.compile("/app/[\\w.-]+\\.jar").matcher(DeployFiles.text("entrypoint.sh"));
            while (n.find()) {
                named.add(n.group());
            }
            assertThat(named).isNotEmpty().isEqualTo(copied);
        }

        /** Runs the entry point with a stand-in {@code java} that prints its arguments. */
        private String run(String... args) throws IOException, InterruptedException {
            Path java = bin.resolve("java");
            Files.writeString(java, "#!/bin/sh\necho \"$@\"\n");
            java.toFile().setExecutable(true);
            List<String> command = new ArrayList<>(List.of("sh", DeployFiles.deploy().resolve("entrypoint.sh").toString()));
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
            pb.environment().remove("DISPATCHER_JAVA_OPTS");
            Process process = pb.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(process.waitFor()).as("exit status; output: %s", out).isZero();
            return out;
        }
    }

    @Nested
    @DisplayName("compose.yaml")
    class Compose {

        private final JsonNode services = DeployFiles.compose().path("services");

        @Test
        @DisplayName("builds one image from deploy/Dockerfile and runs it as the 'slack' and the 'discord' bot")
        void bots() {
            for (String bot : List.of("slack", "discord")) {
                JsonNode service = services.path(bot);
                assertThat(service.path("build").path("dockerfile").asText()).as(bot).isEqualTo("deploy/Dockerfile");
                assertThat(service.path("build").path("context").asText()).as(bot).isEqualTo("..");
                assertThat(service.path("command").get(0).asText()).as(bot).isEqualTo(bot);
                assertThat(service.path("image").asText()).as(bot).isEqualTo(botImage());
            }
        }

        @Test
        @DisplayName("serves Slack in HTTP mode on port 3000 and publishes the admin port 9090")
        void slackPorts() {
            JsonNode slack = services.path("slack");
            assertThat(slack.path("environment").path("SLACK_MODE").asText()).isEqualTo("http");
            assertThat(slack.path("environment").path("SLACK_PORT").asInt()).isEqualTo(SLACK_HTTP_PORT);
            assertThat(containerPorts(slack)).contains(SLACK_HTTP_PORT, ADMIN_PORT);
            assertThat(containerPorts(services.path("discord"))).contains(ADMIN_PORT);
        }

        @Test
        @DisplayName("points both bots at its PostgreSQL 16, which must pass pg_isready before they start")
        void sharedPostgres() {
            JsonNode postgres = services.path("postgres");
            assertThat(postgres.path("image").asText()).isEqualTo("postgres:16");
            assertThat(postgres.path("healthcheck").path("test").toString()).contains("pg_isready");
            assertThat(postgres.path("volumes").get(0).asText()).endsWith(":/var/lib/postgresql/data");
            for (String bot : List.of("slack", "discord")) {
                JsonNode service = services.path(bot);
                assertThat(service.path("environment").path("DISPATCHER_DB_URL").asText()).as(bot).isEqualTo(POSTGRES_URL);
                assertThat(service.path("depends_on").path("postgres").path("condition").asText()).as(bot)
                        .isEqualTo("service_healthy");
            }
        }

        @Test
        @DisplayName("mounts the repository's knowledge base read-only where the image keeps its own")
        void knowledgeBase() {
            for (String bot : List.of("slack", "discord")) {
                assertThat(services.path(bot).path("volumes").get(0).asText()).as(bot)
                        .isEqualTo("../knowledgebase:/app/knowledgebase:ro");
            }
            assertThat(DeployFiles.deploy().resolve("../knowledgebase/routing.yaml")).isRegularFile();
        }

        @Test
        @DisplayName("takes tokens and passwords from .env, a file git ignores")
        void secretsFromDotEnv() throws IOException {
            for (String bot : List.of("slack", "discord")) {
                assertThat(services.path(bot).path("env_file").asText()).as(bot).isEqualTo(".env");
            }
            assertThat(Files.readAllLines(Repository.root().resolve(".gitignore"))).contains(".env");
        }

        private List<Integer> containerPorts(JsonNode service) {
            List<Integer> ports = new ArrayList<>();
            service.path("ports").forEach(p -> {
                String[] parts = p.asText().split(":");
                ports.add(Integer.parseInt(parts[parts.length - 1].replace("/tcp", "")));
            });
            return ports;
        }
    }

    @Nested
    @DisplayName("Kubernetes manifests")
    class Kubernetes {

        @Test
        @DisplayName("are all Kubernetes objects with an apiVersion, a kind and a name, and hold no namespace")
        void wellFormed() {
            assertThat(DeployFiles.kubernetesFiles()).isNotEmpty();
            for (JsonNode object : DeployFiles.kubernetesObjects()) {
                assertThat(object.path("apiVersion").asText()).as("apiVersion of %s", object.path("metadata")).isNotBlank();
                assertThat(object.path("kind").asText()).as("kind of %s", object.path("metadata")).isNotBlank();
                assertThat(object.path("metadata").path("name").asText()).isNotBlank();
                assertThat(object.path("metadata").has("namespace")).as("namespace of %s", object.path("metadata")).isFalse();
            }
        }

        @Test
        @DisplayName("run the same image as compose in every container, as the non-root uid 10001")
        void image() {
            for (JsonNode deployment : DeployFiles.ofKind("Deployment")) {
                JsonNode pod = deployment.path("spec").path("template").path("spec");
                assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
                assertThat(pod.path("securityContext").path("runAsUser").asInt()).isEqualTo(10001);
                for (JsonNode container : containers(deployment)) {
                    assertThat(container.path("image").asText()).as(name(deployment)).isEqualTo(botImage());
                }
            }
        }

        @Test
        @DisplayName("probe liveness on /healthz and readiness on /readyz at the admin port 9090")
        void probes() {
            assertThat(DeployFiles.ofKind("Deployment")).hasSizeGreaterThanOrEqualTo(3);
            for (JsonNode deployment : DeployFiles.ofKind("Deployment")) {
                for (JsonNode container : containers(deployment)) {
                    JsonNode liveness = container.path("livenessProbe").path("httpGet");
                    JsonNode readiness = container.path("readinessProbe").path("httpGet");
                    assertThat(liveness.path("path").asText()).as(name(deployment)).isEqualTo("/healthz");
                    assertThat(readiness.path("path").asText()).as(name(deployment)).isEqualTo("/readyz");
                    assertThat(containerPort(container, liveness.path("port"))).as(name(deployment)).isEqualTo(ADMIN_PORT);
                    assertThat(containerPort(container, readiness.path("port"))).as(name(deployment)).isEqualTo(ADMIN_PORT);
                }
            }
        }

        @Test
        @DisplayName("run the Slack bot as two replicas in HTTP mode, listening on container port 3000")
        void slackDeployment() {
            JsonNode slack = DeployFiles.named("Deployment", "dispatcher-slack");
            JsonNode container = containers(slack).get(0);
            assertThat(slack.path("spec").path("replicas").asInt()).isEqualTo(2);
            assertThat(container.path("args").get(0).asText()).isEqualTo("slack");
            assertThat(env(container, "SLACK_MODE").path("value").asText()).isEqualTo("http");
            assertThat(env(container, "SLACK_PORT").path("value").asInt()).isEqualTo(SLACK_HTTP_PORT);
            assertThat(containerPort(container, container.path("ports").get(0).path("containerPort"))).isEqualTo(SLACK_HTTP_PORT);
        }

        @Test
        @DisplayName("send the Slack Service's port 80 to the Slack pods' port 3000")
        void slackService() {
            JsonNode service = DeployFiles.named("Service", "dispatcher-slack");
            JsonNode slack = DeployFiles.named("Deployment", "dispatcher-slack");
            JsonNode port = service.path("spec").path("ports").get(0);
            assertThat(port.path("port").asInt()).isEqualTo(80);
            assertThat(containerPort(containers(slack).get(0), port.path("targetPort"))).isEqualTo(SLACK_HTTP_PORT);
            assertThat(slack.path("spec").path("template").path("metadata").path("labels"))
                    .as("pod labels the Service selects").isEqualTo(service.path("spec").path("selector"));
        }

        @Test
        @DisplayName("split Discord into one single-replica Deployment per shard range, covering each shard exactly once")
        void discordShards() {
            List<JsonNode> discord = DeployFiles.ofKind("Deployment").stream()
                    .filter(d -> containers(d).get(0).path("args").get(0).asText().equals("discord")).toList();
            assertThat(discord).hasSizeGreaterThanOrEqualTo(2);
            Map<Integer, Integer> timesRun = new TreeMap<>();
            Set<Integer> totals = new TreeSet<>();
            for (JsonNode deployment : discord) {
                assertThat(deployment.path("spec").path("replicas").asInt()).as(name(deployment)).isEqualTo(1);
                assertThat(deployment.path("spec").path("strategy").path("type").asText()).as(name(deployment)).isEqualTo("Recreate");
                Matcher m = Pattern.compile("(\\d+)-(\\d+)/(\\d+)")
                        .matcher(env(containers(deployment).get(0), "DISCORD_SHARDS").path("value").asText());
                assertThat(m.matches()).as("DISCORD_SHARDS of %s", name(deployment)).isTrue();
                totals.add(Integer.parseInt(m.group(3)));
                for (int shard = Integer.parseInt(m.group(1)); shard <= Integer.parseInt(m.group(2)); shard++) {
                    timesRun.merge(shard, 1, Integer::sum);
                }
            }
            assertThat(totals).hasSize(1);
            int total = totals.iterator().next();
            assertThat(timesRun.keySet()).containsExactlyElementsOf(java.util.stream.IntStream.range(0, total).boxed().toList());
            assertThat(timesRun.values()).containsOnly(1);
        }

        @Test
        @DisplayName("point the bots at a PostgreSQL service, with the password from the Secret")
        void database() {
            for (JsonNode deployment : DeployFiles.ofKind("Deployment")) {
                JsonNode container = containers(deployment).get(0);
                assertThat(env(container, "DISPATCHER_DB_URL").path("value").asText()).as(name(deployment)).isEqualTo(POSTGRES_URL);
                assertThat(env(container, "DISPATCHER_DB_PASSWORD").path("valueFrom").path("secretKeyRef").path("key").asText())
                        .as(name(deployment)).isEqualTo("DISPATCHER_DB_PASSWORD");
            }
        }

        @Test
        @DisplayName("take secrets only from keys the Secret defines, and the Secret holds placeholders only")
        void secrets() {
            JsonNode secret = DeployFiles.named("Secret", "dispatcher-secrets");
            Set<String> keys = new TreeSet<>();
            secret.path("stringData").fieldNames().forEachRemaining(keys::add);
            assertThat(keys).contains("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "DISCORD_TOKEN", "DISPATCHER_DB_PASSWORD");
            secret.path("stringData").forEach(value -> assertThat(value.asText()).contains("replace-me"));
            for (JsonNode deployment : DeployFiles.ofKind("Deployment")) {
                for (JsonNode entry : containers(deployment).get(0).path("env")) {
                    JsonNode ref = entry.path("valueFrom").path("secretKeyRef");
                    if (!ref.isMissingNode()) {
                        assertThat(ref.path("name").asText()).isEqualTo("dispatcher-secrets");
                        assertThat(keys).as("secret keys used by %s", name(deployment)).contains(ref.path("key").asText());
                    }
                }
            }
        }

        @Test
        @DisplayName("carry every knowledge-base file in the ConfigMap, and every Deployment mounts each at its own path")
        void knowledgeBase() throws IOException {
            Map<String, String> expected = new TreeMap<>();
            Path kb = Repository.knowledgebase();
            try (Stream<Path> files = Files.walk(kb)) {
                files.filter(Files::isRegularFile).map(f -> kb.relativize(f).toString().replace('\\', '/'))
                        .forEach(path -> expected.put(path.replace("/", "__"), path));
            }
            Set<String> keys = new TreeSet<>();
            DeployFiles.named("ConfigMap", "dispatcher-knowledgebase").path("data").fieldNames().forEachRemaining(keys::add);
            assertThat(keys).as("ConfigMap keys; regenerate it as deploy/README.md says").isEqualTo(expected.keySet());
            for (JsonNode deployment : DeployFiles.ofKind("Deployment")) {
                Map<String, String> items = new HashMap<>();
                JsonNode pod = deployment.path("spec").path("template").path("spec");
                for (JsonNode volume : pod.path("volumes")) {
                    if (volume.path("configMap").path("name").asText().equals("dispatcher-knowledgebase")) {
                        volume.path("configMap").path("items").forEach(i -> items.put(i.path("key").asText(), i.path("path").asText()));
                        assertThat(containers(deployment).get(0).path("volumeMounts")).as(name(deployment))
                                .anyMatch(mount -> mount.path("name").asText().equals(volume.path("name").asText())
                                        && mount.path("mountPath").asText().equals("/app/knowledgebase"));
                    }
                }
                assertThat(items).as("knowledge-base items of %s", name(deployment)).isEqualTo(expected);
            }
        }

        @Test
        @DisplayName("carry the knowledge base as it is now: every ConfigMap value is its file's current content")
        void knowledgeBaseIsCurrent() throws IOException {
            Path kb = Repository.knowledgebase();
            JsonNode data = DeployFiles.named("ConfigMap", "dispatcher-knowledgebase").path("data");
            List<String> stale = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                Path file = kb.resolve(entry.getKey().replace("__", "/"));
                if (!Files.isRegularFile(file) || !Files.readString(file).equals(entry.getValue().asText())) {
                    stale.add(entry.getKey());
                }
            }
            assertThat(stale).as("ConfigMap values older than knowledgebase/; regenerate it as deploy/README.md says").isEmpty();
        }

        private String name(JsonNode object) {
            return object.path("metadata").path("name").asText();
        }
    }

    @Nested
    @DisplayName("Environment variables")
    class Environment {

        private final Set<String> read = CodeVariables.read();

        @Test
        @DisplayName("set in compose, Kubernetes or .env.example are all ones the code reads")
        void noUnknownVariables() {
            Map<String, Set<String>> setBy = new TreeMap<>();
            setBy.put("compose.yaml", composeVariables());
            setBy.put("k8s", kubernetesVariables());
            setBy.put(".env.example", envExampleVariables());
            setBy.forEach((file, names) -> assertThat(names).as("variables in %s", file).isNotEmpty().isSubsetOf(read));
        }

        @Test
        @DisplayName("read by the code are each documented in .env.example")
        void everyVariableDocumented() {
            assertThat(envExampleVariables()).as("add the missing ones to deploy/.env.example").containsAll(read);
        }

        private Set<String> composeVariables() {
            Set<String> names = new TreeSet<>();
            JsonNode services = DeployFiles.compose().path("services");
            for (String bot : List.of("slack", "discord")) {
                services.path(bot).path("environment").fieldNames().forEachRemaining(names::add);
            }
            // ${NAME} interpolations come from .env too, so they must be variables the bots understand.
            Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(DeployFiles.text("compose.yaml"));
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        private Set<String> kubernetesVariables() {
            Set<String> names = new TreeSet<>();
            for (JsonNode deployment : DeployFiles.ofKind("Deployment")) {
                for (JsonNode container : containers(deployment)) {
                    container.path("env").forEach(e -> names.add(e.path("name").asText()));
                }
            }
            DeployFiles.named("Secret", "dispatcher-secrets").path("stringData").fieldNames().forEachRemaining(names::add);
            return names;
        }

        /** Set and commented-out assignments alike: a commented one documents an optional variable and its default. */
        private Set<String> envExampleVariables() {
            Set<String> names = new TreeSet<>();
            Matcher m = Pattern.compile("(?m)^#?\\s*([A-Z][A-Z0-9_]*)=").matcher(DeployFiles.text(".env.example"));
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }
    }

    @Nested
    @DisplayName("Secrets")
    class Secrets {

        @Test
        @DisplayName("no file under deploy/ holds anything shaped like a real Slack or Discord token or signing secret")
        void noRealTokens() throws IOException {
            try (Stream<Path> files = Files.walk(DeployFiles.deploy())) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                    assertThat(TokenShapes.find(text)).as("token-shaped strings in %s", file).isEmpty();
                }
            }
        }

        @Test
        @DisplayName("the token check recognises real token shapes and lets the placeholders through")
        void detectorWorks() {
            String digits = "123456789012";
            String alnum = "AbCdEfGhIjKlMnOpQrStUvWx";
            String hex = "0123456789abcdef0123456789abcdef";
            assertThat(TokenShapes.find("SLACK_BOT_TOKEN=xox" + "b-" + digits + "-" + digits + "-" + alnum)).hasSize(1);
            assertThat(TokenShapes.find("SLACK_APP_TOKEN=xap" + "p-1-A0" + digits + "-" + digits + "-" + hex + hex)).hasSize(1);
            assertThat(TokenShapes.find("DISCORD_TOKEN=MT" + alnum + ".GaBcDe." + alnum + "abcdefghij")).hasSize(1);
            assertThat(TokenShapes.find("SLACK_SIGNING_SECRET=" + hex)).hasSize(1);
            assertThat(TokenShapes.find("SLACK_BOT_TOKEN=xoxb-replace-me\nDISCORD_TOKEN=replace-me")).isEmpty();
        }
    }

    /** The image name the compose bots use, which the Kubernetes Deployments must run too. */
    private static String botImage() {
        return DeployFiles.compose().path("services").path("slack").path("image").asText();
    }
}
