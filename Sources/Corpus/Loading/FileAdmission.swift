/// Decides, file by file, whether a load may read what the folder walk found: the hook a
/// sandbox gives the loader (`dossier.open` in a script) so that no file outside its rules is
/// read, even through a symbolic link to a file or a linked sub-folder. A refused file is
/// skipped with a `LoadWarning` saying why, and the rest of the corpus loads.
public struct FileAdmission: Sendable {
    /// Nil when the file at `path` (as the walk found it) may be read, else why not.
    public let refusal: @Sendable (String) -> String?

    public init(_ refusal: @escaping @Sendable (String) -> String?) {
        self.refusal = refusal
    }
}
