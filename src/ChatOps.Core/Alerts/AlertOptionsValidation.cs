using ChatOps.Core.Runbooks;
using Microsoft.Extensions.Options;

namespace ChatOps.Core.Alerts;

/// <summary>Refuses, at start, a channel that is not <c>platform:channel</c> and a route that names what is not there.</summary>
public sealed class AlertOptionsValidation(RunbookCatalog catalog) : IValidateOptions<AlertOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        var errors = AlertRouter.Compile(options, catalog).Errors.ToList();
        if (!string.IsNullOrWhiteSpace(options.Channel) && options.Place is null)
            errors.Insert(0, $"{AlertOptions.SectionName}:Channel: '{options.Channel}' is not platform:channel; write e.g. slack:C0123ABCD.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
