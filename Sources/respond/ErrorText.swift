import AlertmanagerClient
import IncidentModel
import IncidentStore
import Localization
import RunbookKit

/// An error of another module as the user reads it, in the words of `localizer`: the errors that have a
/// translation are said in it, any other by its own description.
func errorText(_ error: any Error, _ localizer: Localizer) -> String {
    switch error {
    case let error as IncidentStoreError: error.description(in: localizer)
    case let error as JournalError: error.description(in: localizer)
    case let error as CatalogLookupError: error.description(in: localizer)
    case let error as CatalogLoadError: error.description(in: localizer)
    case let error as RunbookReferenceError: error.description(in: localizer)
    case let error as TypedTimeError: error.description(in: localizer)
    case let error as PostmortemFile.NotRecorded: error.description(in: localizer)
    case let error as OutputFailure: error.description(in: localizer)
    case let error as AlertmanagerError: error.description(in: localizer)
    case let error as CustomStringConvertible: error.description
    default: "\(error)"
    }
}
