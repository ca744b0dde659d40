using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

using ChatOps.TestKit.Servers;

namespace ChatOps.Targets.Tests.Fixtures;

/// <summary>
/// The objects the mitigations touch, kept as the API server's JSON: deployments, the ReplicaSets the deployment
/// controller made for each revision, and ConfigMaps. Every write takes a new <c>resourceVersion</c>. A change of a
/// deployment's pod template runs what the deployment controller would: the ReplicaSet with that template (or a new
/// one) becomes the newest revision, and the deployment's revision annotation follows it.
/// </summary>
public sealed class FakeWorkloads
{
    public const string RevisionAnnotation = "deployment.kubernetes.io/revision";
    public const string ChangeCause = "kubernetes.io/change-cause";

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Ns, string Name), JsonObject> _deployments = [];
    private readonly Dictionary<(string Ns, string Name), JsonObject> _replicaSets = [];
    private readonly Dictionary<(string Ns, string Name), JsonObject> _configMaps = [];
    private long _version = 50_000;

    /// <summary>A deployment with one ReplicaSet per image, revisions 1..n; it runs the last one.</summary>
    public void AddDeployment(string ns, string name, int replicas, params string[] imagesByRevision)
    {
        lock (_gate)
        {
            var uid = Guid.NewGuid().ToString();
            var deployment = new JsonObject
            {
                ["kind"] = "Deployment",
                ["apiVersion"] = "apps/v1",
                ["metadata"] = new JsonObject
                {
                    ["name"] = name,
                    ["namespace"] = ns,
                    ["uid"] = uid,
                    ["resourceVersion"] = NextVersion(),
                    ["generation"] = 1,
                    ["creationTimestamp"] = "2026-01-05T08:00:00Z",
                    ["labels"] = new JsonObject { ["app"] = name },
                    ["annotations"] = new JsonObject(),
                },
                ["spec"] = new JsonObject
                {
                    ["replicas"] = replicas,
                    ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } },
                    ["template"] = Template(name, imagesByRevision[^1]),
                    ["strategy"] = new JsonObject { ["type"] = "RollingUpdate" },
                    ["revisionHistoryLimit"] = 10,
                },
                ["status"] = new JsonObject(),
            };
            for (var i = 0; i < imagesByRevision.Length; i++)
            {
                var revision = i + 1;
                var rs = ReplicaSet(deployment, Template(name, imagesByRevision[i]), revision);
                rs["metadata"]!["annotations"]![ChangeCause] = $"image {imagesByRevision[i]}";
                _replicaSets[(ns, (string)rs["metadata"]!["name"]!)] = rs;
            }
            deployment["metadata"]!["annotations"]![RevisionAnnotation] = imagesByRevision.Length.ToString(CultureInfo.InvariantCulture);
            deployment["metadata"]!["annotations"]![ChangeCause] = $"image {imagesByRevision[^1]}";
            Status(deployment);
            _deployments[(ns, name)] = deployment;
        }
    }

    /// <summary>A ReplicaSet the selector of <paramref name="app"/> matches but another controller owns.</summary>
    public void AddForeignReplicaSet(string ns, string app, long revision, string image)
    {
        lock (_gate)
        {
            var owner = new JsonObject { ["metadata"] = new JsonObject { ["name"] = $"{app}-canary", ["namespace"] = ns, ["uid"] = Guid.NewGuid().ToString() } };
            var rs = ReplicaSet(owner, Template(app, image), revision);
            _replicaSets[(ns, (string)rs["metadata"]!["name"]!)] = rs;
        }
    }

    public void AddConfigMap(string ns, string name, IReadOnlyDictionary<string, string> data)
    {
        lock (_gate)
        {
            var json = new JsonObject();
            foreach (var (key, value) in data) json[key] = value;
            _configMaps[(ns, name)] = new JsonObject
            {
                ["kind"] = "ConfigMap",
                ["apiVersion"] = "v1",
                ["metadata"] = new JsonObject
                {
                    ["name"] = name,
                    ["namespace"] = ns,
                    ["uid"] = Guid.NewGuid().ToString(),
                    ["resourceVersion"] = NextVersion(),
                    ["creationTimestamp"] = "2026-01-05T08:00:00Z",
                },
                ["data"] = json,
            };
        }
    }

    public JsonObject? Deployment(string ns, string name) => Copy(_deployments, ns, name);

    public JsonObject? ConfigMap(string ns, string name) => Copy(_configMaps, ns, name);

    public int Replicas(string ns, string name) => (int)Number(Deployment(ns, name)!["spec"]!["replicas"]);

    public string Image(string ns, string name) => (string)Deployment(ns, name)!["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!;

    public string? Annotation(string ns, string name, string key) => (string?)Deployment(ns, name)!["metadata"]!["annotations"]?[key];

    public string? TemplateAnnotation(string ns, string name, string key) =>
        (string?)Deployment(ns, name)!["spec"]!["template"]!["metadata"]!["annotations"]?[key];

    public string? ConfigValue(string ns, string name, string key) => (string?)ConfigMap(ns, name)!["data"]?[key];

    /// <summary>Replica sets of the namespace, each as JSON.</summary>
    public IReadOnlyList<JsonObject> ReplicaSets(string ns)
    {
        lock (_gate) return [.. _replicaSets.Where(p => p.Key.Ns == ns).Select(p => (JsonObject)p.Value.DeepClone())];
    }

    /// <summary>Another writer (a person, an autoscaler) changes the replicas.</summary>
    public void SetReplicas(string ns, string name, int replicas) => Update(_deployments, ns, name, d => d["spec"]!["replicas"] = replicas);

    /// <summary>Another writer deploys a new image: the template changes and the controller makes a new revision.</summary>
    public void SetImage(string ns, string name, string image) =>
        _ = Write(Kind.Deployment, ns, name, d =>
        {
            d["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = image;
            return d;
        }, dryRun: false);

    public void Pause(string ns, string name) => Update(_deployments, ns, name, d => d["spec"]!["paused"] = true);

    /// <summary>Another writer changes a ConfigMap key.</summary>
    public void SetConfigValue(string ns, string name, string key, string value) =>
        Update(_configMaps, ns, name, c => ((c["data"] ??= new JsonObject()).AsObject())[key] = value);

    internal JsonObject? Get(Kind kind, string ns, string name) => Copy(Store(kind), ns, name);

    internal IReadOnlyList<JsonObject> ListReplicaSets(string ns, Func<IReadOnlyDictionary<string, string>, bool> matches)
    {
        lock (_gate)
        {
            return [.. _replicaSets.Where(p => p.Key.Ns == ns && matches(Labels(p.Value))).OrderBy(p => p.Key.Name, StringComparer.Ordinal)
                .Select(p => (JsonObject)p.Value.DeepClone())];
        }
    }

    /// <summary>
    /// Replaces an object with <paramref name="change"/>'s result unless its resourceVersion says it was read before the
    /// last write (the API's optimistic concurrency). Returns the stored object, or the reason it was refused; neither
    /// when there is no such object.
    /// </summary>
    internal (JsonObject? Stored, string? Conflict) Write(Kind kind, string ns, string name, Func<JsonObject, JsonObject> change, bool dryRun)
    {
        lock (_gate)
        {
            var store = Store(kind);
            if (!store.TryGetValue((ns, name), out var current)) return (null, null);
            var changed = change((JsonObject)current.DeepClone());
            var version = (string?)changed["metadata"]?["resourceVersion"];
            if (!string.IsNullOrEmpty(version) && version != (string?)current["metadata"]!["resourceVersion"])
                return (null, "the object has been modified; please apply your changes to the latest version and try again");
            if (dryRun) return (changed, null);
            changed["metadata"]!["resourceVersion"] = NextVersion();
            if (kind == Kind.Deployment) Reconcile(current, changed);
            store[(ns, name)] = changed;
            return ((JsonObject)changed.DeepClone(), null);
        }
    }

    private void Update(Dictionary<(string, string), JsonObject> store, string ns, string name, Action<JsonObject> change)
    {
        lock (_gate)
        {
            var target = store[(ns, name)];
            change(target);
            target["metadata"]!["resourceVersion"] = NextVersion();
            if (store == _deployments) Status(target);
        }
    }

    // What the deployment controller does on a template change, done at once.
    private void Reconcile(JsonObject before, JsonObject after)
    {
        Status(after);
        if (JsonNode.DeepEquals(before["spec"]!["template"], after["spec"]!["template"])) return;
        after["metadata"]!["generation"] = Number(after["metadata"]!["generation"]) + 1;
        var ns = (string)after["metadata"]!["namespace"]!;
        var uid = (string)after["metadata"]!["uid"]!;
        var owned = _replicaSets.Where(p => p.Key.Ns == ns && (string?)p.Value["metadata"]!["ownerReferences"]![0]!["uid"] == uid).Select(p => p.Value).ToList();
        var next = owned.Select(rs => long.Parse((string)rs["metadata"]!["annotations"]![RevisionAnnotation]!, CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max() + 1;
        var template = after["spec"]!["template"]!;
        var match = owned.FirstOrDefault(rs => JsonNode.DeepEquals(WithoutHash(rs["spec"]!["template"]!), template));
        if (match is null)
        {
            match = ReplicaSet(after, (JsonObject)template.DeepClone(), next);
            _replicaSets[(ns, (string)match["metadata"]!["name"]!)] = match;
        }
        var annotations = match["metadata"]!["annotations"]!.AsObject();
        annotations[RevisionAnnotation] = next.ToString(CultureInfo.InvariantCulture);
        if ((string?)after["metadata"]!["annotations"]?[ChangeCause] is { } cause) annotations[ChangeCause] = cause;
        after["metadata"]!["annotations"]![RevisionAnnotation] = next.ToString(CultureInfo.InvariantCulture);
    }

    private JsonObject ReplicaSet(JsonObject owner, JsonObject template, long revision)
    {
        var hash = Hash(template);
        var app = (string)owner["metadata"]!["name"]!;
        var withHash = (JsonObject)template.DeepClone();
        withHash["metadata"]!["labels"]!["pod-template-hash"] = hash;
        var labels = (JsonObject)withHash["metadata"]!["labels"]!.DeepClone();
        return new JsonObject
        {
            ["kind"] = "ReplicaSet",
            ["apiVersion"] = "apps/v1",
            ["metadata"] = new JsonObject
            {
                ["name"] = $"{app}-{hash}",
                ["namespace"] = owner["metadata"]!["namespace"]!.DeepClone(),
                ["uid"] = Guid.NewGuid().ToString(),
                ["resourceVersion"] = NextVersion(),
                ["creationTimestamp"] = "2026-01-05T08:00:00Z",
                ["labels"] = labels,
                ["annotations"] = new JsonObject { [RevisionAnnotation] = revision.ToString(CultureInfo.InvariantCulture) },
                ["ownerReferences"] = new JsonArray(new JsonObject
                {
                    ["apiVersion"] = "apps/v1",
                    ["kind"] = "Deployment",
                    ["name"] = app,
                    ["uid"] = owner["metadata"]!["uid"]!.DeepClone(),
                    ["controller"] = true,
                    ["blockOwnerDeletion"] = true,
                }),
            },
            ["spec"] = new JsonObject
            {
                ["replicas"] = 0,
                ["selector"] = new JsonObject { ["matchLabels"] = labels.DeepClone() },
                ["template"] = withHash,
            },
            ["status"] = new JsonObject { ["replicas"] = 0 },
        };
    }

    private static JsonObject Template(string app, string image) => new()
    {
        ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = app } },
        ["spec"] = new JsonObject
        {
            ["containers"] = new JsonArray(new JsonObject
            {
                ["name"] = app,
                ["image"] = image,
                ["env"] = new JsonArray(new JsonObject { ["name"] = "MODEL", ["value"] = "llama-3-70b" }),
            }),
        },
    };

    // A number whether it was stored from C# (an int) or parsed from a request (a JSON element).
    private static long Number(JsonNode? node) => long.Parse(node?.ToJsonString() ?? "0", CultureInfo.InvariantCulture);

    private static JsonNode WithoutHash(JsonNode template)
    {
        var copy = template.DeepClone();
        copy["metadata"]?["labels"]?.AsObject().Remove("pod-template-hash");
        return copy;
    }

    private static void Status(JsonObject deployment)
    {
        var replicas = Number(deployment["spec"]!["replicas"]);
        deployment["status"] = new JsonObject
        {
            ["observedGeneration"] = deployment["metadata"]!["generation"]!.DeepClone(),
            ["replicas"] = replicas,
            ["updatedReplicas"] = replicas,
            ["readyReplicas"] = replicas,
            ["availableReplicas"] = replicas,
        };
    }

    // The controller names a ReplicaSet by a hash of its template; any stable short hash will do here.
    private static string Hash(JsonObject template) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(template.ToJsonString())))[..10];

    private static IReadOnlyDictionary<string, string> Labels(JsonObject item) =>
        item["metadata"]?["labels"]?.AsObject().ToDictionary(p => p.Key, p => (string?)p.Value ?? "", StringComparer.Ordinal)
        ?? new Dictionary<string, string>(StringComparer.Ordinal);

    private Dictionary<(string Ns, string Name), JsonObject> Store(Kind kind) => kind switch
    {
        Kind.Deployment => _deployments,
        Kind.ReplicaSet => _replicaSets,
        _ => _configMaps,
    };

    private JsonObject? Copy(Dictionary<(string Ns, string Name), JsonObject> store, string ns, string name)
    {
        lock (_gate) return store.TryGetValue((ns, name), out var item) ? (JsonObject)item.DeepClone() : null;
    }

    private string NextVersion() => (++_version).ToString(CultureInfo.InvariantCulture);

    internal enum Kind
    {
        Deployment,
        ReplicaSet,
        ConfigMap,
    }
}
