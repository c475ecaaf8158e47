using VmLang.Binding;
using VmLang.LanguageServer.Protocol;
using VmLang.Syntax;
using VmLang.Text;

namespace VmLang.LanguageServer.Workspace;

/// <summary>
/// What a request about one document works on: the workspace's compilation at the time of the
/// request and the document's tree in it, with conversions between LSP positions and offsets.
/// </summary>
internal sealed class DocumentContext
{
    private SemanticModel? _model;

    private DocumentContext(ServerWorkspace workspace, WorkspaceSnapshot snapshot, SyntaxTree tree, string uri)
    {
        Workspace = workspace;
        Snapshot = snapshot;
        Tree = tree;
        Uri = uri;
    }

    public ServerWorkspace Workspace { get; }

    public WorkspaceSnapshot Snapshot { get; }

    public Compilation Compilation => Snapshot.Compilation;

    public SyntaxTree Tree { get; }

    public SourceText Text => Tree.Text;

    /// <summary>The URI exactly as the client sent it.</summary>
    public string Uri { get; }

    public SemanticModel Model => _model ??= Compilation.GetSemanticModel(Tree);

    /// <summary>The document's context, or null when the workspace has no such <c>.vml</c> document.</summary>
    public static DocumentContext? Find(ServerWorkspace workspace, string uri)
    {
        var snapshot = workspace.Current;
        var tree = snapshot.Compilation.GetSyntaxTree(workspace.KeyOf(uri));
        return tree is null ? null : new DocumentContext(workspace, snapshot, tree, uri);
    }

    /// <summary>The offset of an editor position; positions outside the text are clamped into it.</summary>
    public int OffsetOf(Position position) => Text.GetOffset(new LinePosition(position.Line, position.Character));

    public Range RangeOf(TextSpan span) => LspConversions.ToRange(Text, span);

    public string UriOf(SyntaxTree tree) => tree == Tree ? Uri : Workspace.UriOf(tree.FilePath);
}
