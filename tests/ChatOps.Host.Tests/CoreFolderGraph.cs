using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ChatOps.Host.Tests;

/// <summary>
/// Which of the core's folders (namespaces below <c>ChatOps.Core</c>) use which others, read from the compiled IL:
/// signatures, fields, attributes and every instruction of every method body, so that a dependency hidden in a lambda
/// or an async state machine counts too.
/// </summary>
internal static class CoreFolderGraph
{
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Read(string assemblyPath)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var edges = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in module.GetTypes())
        {
            var from = Folder(type);
            if (from is null) continue;
            if (!edges.TryGetValue(from, out var targets)) edges[from] = targets = new(StringComparer.Ordinal);
            foreach (var used in Used(type))
            {
                if (Folder(used) is { } to && to != from) targets.TryAdd(to, $"{Outermost(type).FullName} uses {used.FullName}");
            }
        }
        return edges.ToDictionary(e => e.Key, e => (IReadOnlyDictionary<string, string>)e.Value, StringComparer.Ordinal);
    }

    /// <summary>The cycles of the graph: each strongly connected component of more than one folder.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cycles(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> graph)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<IReadOnlyList<string>>();
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in graph.TryGetValue(v, out var next) ? next.Keys : [])
            {
                if (!index.TryGetValue(w, out var seen))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], seen);
            }
            if (low[v] != index[v]) return;
            var component = new List<string>();
            string popped;
            do
            {
                popped = stack.Pop();
                onStack.Remove(popped);
                component.Add(popped);
            } while (popped != v);
            if (component.Count > 1) cycles.Add(component);
        }
        foreach (var v in graph.Keys) if (!index.ContainsKey(v)) Visit(v);
        return cycles;
    }

    // The root namespace composes the folders (CoreServices), so it is not one of them.
    private static string? Folder(TypeReference type)
    {
        var ns = Outermost(type).Namespace;
        return ns.StartsWith("ChatOps.Core.", StringComparison.Ordinal) ? ns["ChatOps.Core.".Length..] : null;
    }

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }

    private static IEnumerable<TypeReference> Used(TypeDefinition type)
    {
        IEnumerable<TypeReference> all = [];
        if (type.BaseType is not null) all = all.Append(type.BaseType);
        all = all.Concat(type.Interfaces.Select(i => i.InterfaceType))
            .Concat(type.CustomAttributes.Select(a => a.AttributeType))
            .Concat(type.Fields.Select(f => f.FieldType))
            .Concat(type.Properties.Select(p => p.PropertyType));
        foreach (var method in type.Methods)
        {
            all = all.Append(method.ReturnType).Concat(method.Parameters.Select(p => p.ParameterType));
            if (method.HasBody) all = all.Concat(method.Body.Instructions.SelectMany(Operand)).Concat(method.Body.Variables.Select(v => v.VariableType));
        }
        return all.SelectMany(Expand);
    }

    private static IEnumerable<TypeReference> Operand(Instruction instruction) => instruction.Operand switch
    {
        TypeReference t => [t],
        MethodReference m => [m.DeclaringType, m.ReturnType, .. m.Parameters.Select(p => p.ParameterType),
            .. m is GenericInstanceMethod g ? g.GenericArguments : []],
        FieldReference f => [f.DeclaringType, f.FieldType],
        _ => [],
    };

    // Arrays, by-refs and generic instances name the types inside them.
    private static IEnumerable<TypeReference> Expand(TypeReference type)
    {
        yield return type.GetElementType();
        if (type is GenericInstanceType generic)
        {
            foreach (var argument in generic.GenericArguments.SelectMany(Expand)) yield return argument;
        }
    }
}
