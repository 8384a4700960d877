package cn.qiying.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The compose file and the Kubernetes manifests parse, carry what their kinds require, and hold together: selectors
 * match the pods they select, probes and Services name ports the containers have, every ConfigMap, Secret and Service
 * referred to exists, the image is the one {@code make image} builds, Redis writes its append-only file with an fsync
 * on every write, and every setting they pass to the app is one the README documents.
 */
class ManifestsTest {

    static final Path DEPLOY = Path.of("").toAbsolutePath();
    static final Path KUBERNETES = DEPLOY.resolve("kubernetes");
    /** Jib's target image name (the pom's qiying.image.name), as surefire passes it. */
    static final String IMAGE = System.getProperty("qiying.image.name", "qiying:0.1.0-SNAPSHOT");

    @Test
    void everyKubernetesDocumentHasItsKindsRequiredFields() throws IOException {
        List<Map<String, Object>> documents = kubernetes();
        assertThat(documents).extracting(d -> d.get("kind"))
                .contains("Deployment", "Service", "ConfigMap", "Secret", "StatefulSet", "Ingress");
        for (Map<String, Object> d : documents) {
            assertThat(d).as("apiVersion, kind and metadata.name").containsKeys("apiVersion", "kind", "metadata");
            assertThat(string(d, "metadata", "name")).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
            String expectedApi = switch ((String) d.get("kind")) {
                case "Deployment", "StatefulSet" -> "apps/v1";
                case "Ingress" -> "networking.k8s.io/v1";
                default -> "v1";
            };
            assertThat(d.get("apiVersion")).as(d.get("kind") + " apiVersion").isEqualTo(expectedApi);
        }
    }

    @Test
    void theDeploymentRunsTwoProbedNonRootInstancesOfTheImageWithItsSettings() throws IOException {
        Map<String, Object> deployment = one("Deployment", "qiying");
        assertThat(number(deployment, "spec", "replicas")).isGreaterThanOrEqualTo(2);
        assertThat(map(deployment, "spec", "selector", "matchLabels").entrySet())
                .isSubsetOf(map(deployment, "spec", "template", "metadata", "labels").entrySet());
        Map<String, Object> container = containers(deployment).get(0);
        assertThat(kustomizedImage((String) container.get("image"))).isEqualTo(IMAGE);
        Set<String> ports = portNames(container);
        assertThat(ports).contains("http", "management");
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(string(container, probe, "httpGet", "path")).as(probe).startsWith("/actuator/health/");
            assertThat(ports).as(probe + " port").contains(string(container, probe, "httpGet", "port"));
        }
        assertThat(map(deployment, "spec", "template", "spec", "securityContext")).containsEntry("runAsNonRoot", true);
        for (Map<String, Object> source : list(container, "envFrom")) {
            if (source.containsKey("configMapRef")) {
                one("ConfigMap", string(source, "configMapRef", "name"));
            }
            if (source.containsKey("secretRef")) {
                one("Secret", string(source, "secretRef", "name"));
            }
        }
        Set<String> mounted = new HashSet<>();
        list(container, "volumeMounts").forEach(m -> mounted.add((String) m.get("name")));
        Set<String> volumes = new HashSet<>();
        list(map(deployment, "spec", "template", "spec"), "volumes").forEach(v -> volumes.add((String) v.get("name")));
        assertThat(volumes).as("every mounted volume is declared").containsAll(mounted);
        assertThat(mounted).as("a read-only root needs a writable /tmp").isNotEmpty();
    }

    @Test
    void servicesSelectPodsThatExistAndTargetTheirPorts() throws IOException {
        List<Map<String, Object>> workloads = new ArrayList<>(all("Deployment"));
        workloads.addAll(all("StatefulSet"));
        for (Map<String, Object> service : all("Service")) {
            Map<String, Object> selector = map(service, "spec", "selector");
            Map<String, Object> target = workloads.stream()
                    .filter(w -> map(w, "spec", "template", "metadata", "labels").entrySet().containsAll(selector.entrySet()))
                    .findFirst().orElseThrow(() -> new AssertionError("Service " + string(service, "metadata", "name") + " selects no pods"));
            Set<String> ports = new HashSet<>();
            containers(target).forEach(c -> ports.addAll(portNames(c)));
            for (Map<String, Object> port : list(map(service, "spec"), "ports")) {
                assertThat(ports).as("targetPort of " + string(service, "metadata", "name")).contains(String.valueOf(port.get("targetPort")));
            }
        }
        Map<String, Object> ingress = one("Ingress", "qiying");
        List<Map<String, Object>> rules = list(map(ingress, "spec"), "rules");
        for (Map<String, Object> rule : rules) {
            for (Map<String, Object> path : list(map(rule, "http"), "paths")) {
                one("Service", string(path, "backend", "service", "name"));
            }
        }
    }

    @Test
    void redisKeepsEveryAcknowledgedWriteOnDiskAndTheAppFindsIt() throws IOException {
        Map<String, Object> redis = one("StatefulSet", "redis");
        one("Service", string(redis, "spec", "serviceName"));
        Map<String, Object> container = containers(redis).get(0);
        assertThat((String) container.get("image")).startsWith("redis:8");
        assertThat(String.join(" ", strings(container.get("args")))).contains("--appendonly yes", "--appendfsync always");
        Set<String> claims = new HashSet<>();
        list(map(redis, "spec"), "volumeClaimTemplates").forEach(t -> claims.add(string(t, "metadata", "name")));
        list(container, "volumeMounts").forEach(m -> assertThat(claims).contains((String) m.get("name")));
        String url = string(one("ConfigMap", "qiying-config"), "data", "SPRING_DATA_REDIS_URL");
        one("Service", url.replaceFirst("^redis://", "").replaceFirst("[:/].*$", ""));
    }

    @Test
    void theWeChatKeysAreInTheSecretNotTheConfigMap() throws IOException {
        Set<String> secret = map(one("Secret", "qiying-secrets"), "stringData").keySet();
        assertThat(secret).contains("QIYING_ADMIN_PASSWORD", "QIYING_WECHAT_MP_APPID", "QIYING_WECHAT_MP_SECRET",
                "QIYING_WECHAT_MP_TOKEN", "QIYING_WECHAT_MP_AESKEY");
        assertThat(map(one("ConfigMap", "qiying-config"), "data").keySet())
                .noneMatch(k -> k.contains("SECRET") || k.contains("PASSWORD") || k.contains("AESKEY") || k.contains("TOKEN"));
    }

    @Test
    void composeRunsRedisWithAofAndTwoInstancesOfTheImageBehindNginx() throws IOException {
        Map<String, Object> compose = load(DEPLOY.resolve("compose.yaml")).get(0);
        Map<String, Object> services = map(compose, "services");
        Map<String, Object> redis = map(services, "redis");
        assertThat((String) redis.get("image")).startsWith("redis:8");
        assertThat(String.join(" ", strings(redis.get("command")))).contains("--appendonly yes", "--appendfsync always");
        List<String> apps = services.keySet().stream().filter(s -> IMAGE.equals(map(services, s).get("image"))).toList();
        assertThat(apps).as("app instances of the image").hasSize(2);
        Map<String, Object> proxy = map(services, "proxy");
        assertThat((String) proxy.get("image")).startsWith("nginx");
        assertThat(strings(proxy.get("ports"))).anyMatch(p -> p.endsWith(":80"));
        String nginx = Files.readString(DEPLOY.resolve("nginx.conf"), StandardCharsets.UTF_8);
        for (String app : apps) {
            assertThat(nginx).as("nginx proxies to " + app).contains("server " + app + ":8080");
            assertThat(map(map(services, app), "environment")).containsKey("SPRING_DATA_REDIS_URL");
        }
    }

    @Test
    void everySettingTheyPassIsDocumentedInTheReadme() throws IOException {
        String readme = Files.readString(DEPLOY.resolveSibling("README.md"), StandardCharsets.UTF_8);
        Set<String> settings = new HashSet<>(map(one("ConfigMap", "qiying-config"), "data").keySet());
        settings.addAll(map(one("Secret", "qiying-secrets"), "stringData").keySet());
        Map<String, Object> services = map(load(DEPLOY.resolve("compose.yaml")).get(0), "services");
        services.values().stream().map(s -> ((Map<?, ?>) s).get("environment")).filter(Map.class::isInstance)
                .forEach(e -> ((Map<?, ?>) e).keySet().forEach(k -> settings.add((String) k)));
        Matcher example = Pattern.compile("^([A-Z][A-Z0-9_]+)=", Pattern.MULTILINE)
                .matcher(Files.readString(DEPLOY.resolve("qiying.env.example"), StandardCharsets.UTF_8));
        while (example.find()) {
            settings.add(example.group(1));
        }
        assertThat(settings).allSatisfy(setting -> assertThat(readme).as(setting + " in the README").contains(setting));
    }

    private static List<Map<String, Object>> kubernetes() throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                if (!file.getFileName().toString().equals("kustomization.yaml")) {
                    documents.addAll(load(file));
                }
            }
        }
        return documents;
    }

    /** The image a container names, as kustomization.yaml rewrites it. */
    private static String kustomizedImage(String image) throws IOException {
        for (Map<String, Object> rewrite : list(load(KUBERNETES.resolve("kustomization.yaml")).get(0), "images")) {
            if (image.equals(rewrite.get("name"))) {
                return rewrite.get("newName") + ":" + rewrite.get("newTag");
            }
        }
        return image;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> load(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                assertThat(document).as(file + " holds mappings").isInstanceOf(Map.class);
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }

    private static List<Map<String, Object>> all(String kind) throws IOException {
        return kubernetes().stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    private static Map<String, Object> one(String kind, String name) throws IOException {
        return all(kind).stream().filter(d -> name.equals(string(d, "metadata", "name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " in deploy/kubernetes"));
    }

    private static List<Map<String, Object>> containers(Map<String, Object> workload) {
        return list(map(workload, "spec", "template", "spec"), "containers");
    }

    private static Set<String> portNames(Map<String, Object> container) {
        Set<String> names = new HashSet<>();
        for (Map<String, Object> port : list(container, "ports")) {
            names.add(String.valueOf(port.get("name")));
            names.add(String.valueOf(port.get("containerPort")));
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> from, String... path) {
        Object node = from;
        for (String key : path) {
            assertThat(node).as("a mapping above " + key).isInstanceOf(Map.class);
            node = ((Map<String, Object>) node).get(key);
            assertThat(node).as(String.join(".", path)).isNotNull();
        }
        assertThat(node).as(String.join(".", path) + " is a mapping").isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> from, String key) {
        Object node = from.get(key);
        assertThat(node).as(key + " is a list").isInstanceOf(List.class);
        return (List<Map<String, Object>>) node;
    }

    private static String string(Map<String, Object> from, String... path) {
        Map<String, Object> parent = path.length == 1 ? from : map(from, java.util.Arrays.copyOf(path, path.length - 1));
        Object value = parent.get(path[path.length - 1]);
        assertThat(value).as(String.join(".", path)).isNotNull();
        return String.valueOf(value);
    }

    private static int number(Map<String, Object> from, String... path) {
        return Integer.parseInt(string(from, path));
    }

    private static List<String> strings(Object list) {
        assertThat(list).isInstanceOf(List.class);
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }
}
