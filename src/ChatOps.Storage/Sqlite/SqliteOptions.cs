using System.ComponentModel.DataAnnotations;

namespace ChatOps.Storage.Sqlite;

/// <summary>Configuration section <c>Storage:Sqlite</c>: the embedded default.</summary>
public sealed class SqliteOptions
{
    public const string SectionName = "Storage:Sqlite";

    /// <summary>The database file; relative paths are under the host's content root.</summary>
    [Required(ErrorMessage = "Storage:Sqlite:Path must name the database file.")]
    public string Path { get; set; } = "data/chatops.db";
}
