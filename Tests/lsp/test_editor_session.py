"""A real LSP client (pytest-lsp) drives `charter lsp` through an editing session."""

import asyncio

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from conftest import PAYMENTS_MILESTONES, SERVER_COMMAND, write_workspace

PUBLISH = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER_COMMAND))
async def client(lsp_client: LanguageClient, tmp_path_factory):
    root = write_workspace(tmp_path_factory.mktemp("ws") / "plans")
    lsp_client.root = root
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(),
        root_uri=root.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="plans")],
    ))
    yield
    await lsp_client.shutdown_session()


def uri(client, relative):
    return (client.root / relative).as_uri()


def open_document(client, relative, text=None, version=1):
    text = (client.root / relative).read_text(encoding="utf-8") if text is None else text
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=uri(client, relative), language_id="yaml", version=version, text=text)))
    return text


def change(client, relative, version, start, end, text):
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri(client, relative), version=version),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(*start), end=types.Position(*end)), text=text)]))


async def diagnostics_for(client, relative, predicate, timeout=10):
    """Waits until the diagnostics published for a file satisfy `predicate`; returns them."""
    target = uri(client, relative)

    async def wait():
        while not (target in client.diagnostics and predicate(client.diagnostics[target])):
            await client.wait_for_notification(PUBLISH)
        return client.diagnostics[target]

    return await asyncio.wait_for(wait(), timeout)


def position_of(text, needle, occurrence=0):
    """LSP position (0-based line, UTF-16 character) of the n-th occurrence of needle."""
    index = -1
    for _ in range(occurrence + 1):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index)
    column = index - (text.rfind("\n", 0, index) + 1)
    return types.Position(line=line, character=len(text[index - column:index].encode("utf-16-le")) // 2)


async def test_initialize_announces_the_features(client):
    result = client.capabilities  # what we sent; the server's answer is checked through behaviour below
    assert result is not None
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        text_document=types.TextDocumentIdentifier(uri=uri(client, "programs/payments/milestones.yaml"))))
    assert [symbol.name for symbol in symbols] == ["M1", "M2"]


async def test_broken_buffer_gets_diagnostics_at_the_right_range_then_clears(client):
    relative = "programs/payments/milestones.yaml"
    broken = PAYMENTS_MILESTONES.replace("identity/M3", "identity/M33")
    open_document(client, relative, broken)
    found = await diagnostics_for(client, relative, lambda items: len(items) > 0)
    assert [item.code for item in found] == ["unknown-reference"]
    start = position_of(broken, "identity/M33")
    assert found[0].range.start == start
    assert found[0].range.end == types.Position(line=start.line, character=start.character + len("identity/M33"))
    assert found[0].severity == types.DiagnosticSeverity.Error
    assert found[0].source == "charter"

    # Fix it with an incremental edit: delete the extra "3".
    change(client, relative, 2, (start.line, start.character + 11), (start.line, start.character + 12), "")
    assert list(await diagnostics_for(client, relative, lambda items: len(items) == 0)) == []


async def test_yaml_broken_mid_edit_is_reported_and_navigation_keeps_working(client):
    relative = "programs/payments/milestones.yaml"
    text = open_document(client, relative)
    cut = position_of(text, "[M1, identity/M3]")
    # Remove the closing bracket: the flow sequence never ends.
    change(client, relative, 2, (cut.line, cut.character + 16), (cut.line, cut.character + 17), "")
    found = await diagnostics_for(client, relative, lambda items: any(item.code == "yaml-syntax" for item in items))
    assert found[0].code == "yaml-syntax"
    # The last good model still answers: M3 is defined in the identity program.
    where = position_of(text, "identity/M3")
    locations = await client.text_document_definition_async(types.DefinitionParams(
        text_document=types.TextDocumentIdentifier(uri=uri(client, relative)), position=where))
    assert [location.uri for location in locations] == [uri(client, "programs/identity/milestones.yaml")]


async def test_an_edit_in_one_file_reports_and_clears_findings_in_another(client):
    identity = "programs/identity/milestones.yaml"
    payments = "programs/payments/milestones.yaml"
    text = open_document(client, identity)
    at = position_of(text, "M3")
    change(client, identity, 2, (at.line, at.character), (at.line, at.character + 2), "M9")
    found = await diagnostics_for(client, payments, lambda items: len(items) > 0)
    assert [item.code for item in found] == ["unknown-reference"]
    assert "identity/M3" in found[0].message
    change(client, identity, 3, (at.line, at.character), (at.line, at.character + 2), "M3")
    assert list(await diagnostics_for(client, payments, lambda items: len(items) == 0)) == []


async def test_definition_across_files(client):
    relative = "programs/payments/milestones.yaml"
    text = open_document(client, relative)
    locations = await client.text_document_definition_async(types.DefinitionParams(
        text_document=types.TextDocumentIdentifier(uri=uri(client, relative)),
        position=position_of(text, "identity/M3")))
    identity_text = (client.root / "programs/identity/milestones.yaml").read_text()
    start = position_of(identity_text, "M3")
    assert len(locations) == 1
    assert locations[0].uri == uri(client, "programs/identity/milestones.yaml")
    assert locations[0].range == types.Range(start=start, end=types.Position(line=start.line, character=start.character + 2))

    # An owner leads to people.yaml.
    owner = position_of(text, "carol")
    locations = await client.text_document_definition_async(types.DefinitionParams(
        text_document=types.TextDocumentIdentifier(uri=uri(client, relative)), position=owner))
    assert [location.uri for location in locations] == [uri(client, "people.yaml")]


async def test_references_of_a_person(client):
    relative = "people.yaml"
    text = open_document(client, relative)
    found = await client.text_document_references_async(types.ReferenceParams(
        text_document=types.TextDocumentIdentifier(uri=uri(client, relative)),
        position=position_of(text, "carol"), context=types.ReferenceContext(include_declaration=False)))
    places = sorted((location.uri.rsplit("/plans/", 1)[1], location.range.start.line) for location in found)
    assert places == [("programs/payments/milestones.yaml", 3), ("programs/payments/program.yaml", 7),
                      ("programs/payments/program.yaml", 9)]


async def test_rename_a_milestone_across_files(client):
    relative = "programs/identity/milestones.yaml"
    text = open_document(client, relative)
    edit = await client.text_document_rename_async(types.RenameParams(
        text_document=types.TextDocumentIdentifier(uri=uri(client, relative)),
        position=position_of(text, "M3"), new_name="M30"))
    changes = {key.rsplit("/plans/", 1)[1]: value for key, value in edit.changes.items()}
    assert set(changes) == {"programs/identity/milestones.yaml", "programs/payments/milestones.yaml"}
    definition = changes["programs/identity/milestones.yaml"]
    at = position_of(text, "M3")
    assert [(item.range.start, item.range.end, item.new_text) for item in definition] == [
        (at, types.Position(line=at.line, character=at.character + 2), "M30")]
    reference = changes["programs/payments/milestones.yaml"]
    ref_at = position_of(PAYMENTS_MILESTONES, "identity/M3")
    # Only the id part of "identity/M3" is replaced: the program stays.
    assert [(item.range.start, item.new_text) for item in reference] == [
        (types.Position(line=ref_at.line, character=ref_at.character + len("identity/")), "M30")]


async def test_hover_shows_the_milestone_with_its_forecast(client):
    relative = "programs/payments/milestones.yaml"
    text = open_document(client, relative)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri(client, relative)), position=position_of(text, "identity/M3")))
    value = hover.contents.value
    assert "SSO for merchants" in value
    assert "2026-05-01" in value
    assert "Bob Stone" in value
    assert "forecast: 2026-05-01" in value
    assert "slack:" in value


async def test_completion_offers_statuses_people_and_fields(client):
    relative = "programs/payments/milestones.yaml"
    text = PAYMENTS_MILESTONES + "  - id: M4\n    status: \n    owner: \n    \n"
    open_document(client, relative, text)
    lines = text.split("\n")

    async def labels(line, character):
        result = await client.text_document_completion_async(types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=uri(client, relative)),
            position=types.Position(line=line, character=character)))
        return [item.label for item in result.items]

    status_line = lines.index("    status: ")
    assert await labels(status_line, len("    status: ")) == ["planned", "at-risk", "done", "missed", "cancelled"]
    owner_line = lines.index("    owner: ")
    assert await labels(owner_line, len("    owner: ")) == ["alice", "bob", "carol"]
    fields = await labels(owner_line + 1, 4)
    assert "depends_on" in fields and "done_on" in fields


async def test_code_action_applies_did_you_mean(client):
    relative = "programs/payments/milestones.yaml"
    broken = PAYMENTS_MILESTONES.replace("owner: carol", "owner: carl").replace("depends_on:", "depend_on:")
    open_document(client, relative, broken)
    found = await diagnostics_for(client, relative, lambda items: len(items) >= 2)

    async def fixes(needle):
        at = position_of(broken, needle)
        actions = await client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri(client, relative)),
            range=types.Range(start=at, end=at), context=types.CodeActionContext(diagnostics=list(found))))
        return at, {action.title: action for action in actions}

    at, actions = await fixes("carl")
    [edit] = actions["Change 'carl' to 'carol'"].edit.changes[uri(client, relative)]
    assert (edit.range.start, edit.range.end, edit.new_text) == (
        at, types.Position(line=at.line, character=at.character + 4), "carol")
    at, actions = await fixes("depend_on")
    [edit] = actions["Change 'depend_on' to 'depends_on'"].edit.changes[uri(client, relative)]
    assert (edit.range.start, edit.new_text) == (at, "depends_on")
    # The diagnostic carries the suggestion as related information too.
    [person] = [item for item in found if item.code == "unknown-person"]
    assert any("did you mean 'carol'" in info.message for info in person.related_information)


async def test_code_action_adds_done_on(client):
    relative = "programs/payments/milestones.yaml"
    text = PAYMENTS_MILESTONES.replace("    done_on: 2026-02-14\n", "")
    open_document(client, relative, text)
    found = await diagnostics_for(client, relative, lambda items: any(item.code == "done-without-date" for item in items))
    at = position_of(text, "status: done")
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri(client, relative)),
        range=types.Range(start=at, end=at), context=types.CodeActionContext(diagnostics=list(found))))
    [action] = [action for action in actions if "done_on" in action.title]
    [edit] = action.edit.changes[uri(client, relative)]
    assert edit.new_text == "\n    done_on: 2026-03-01"
    assert edit.range.start == types.Position(line=at.line, character=len("    status: done"))
