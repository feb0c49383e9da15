import Foundation
import Testing
import TmuxHarness

@Suite struct CommandLineTests {
    private func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test func listJSONGivesTheFiveSeedRecords() throws {
        let output = try OstromBinary.run(["list", "--format", "json"])
        #expect(output.status == 0)
        #expect(output.stderr.isEmpty)
        let records = try #require(try json(output.stdout) as? [[String: Any]])
        #expect(records.compactMap { $0["id"] as? String } == ["tuurnas2016", "loeffler2020", "mcmullin2018", "nef2014", "body2021"])
        let body = try #require(records.last)
        let translations = try #require(body["translations"] as? [[String: Any]])
        #expect(translations.first?["language"] as? String == "zh")
        #expect((body["metrics"] as? [String: Any])?["citations"] as? Int == 2)
    }

    @Test func listFiltersByKindAndSaysWhenNothingIsFound() throws {
        let events = try OstromBinary.run(["list", "--kind", "event"])
        #expect(events.status == 0)
        #expect(events.stdout.split(separator: "\n").count == 3)
        #expect(events.stdout.contains("loeffler2020") && events.stdout.contains("mcmullin2018"))
        let notes = try OstromBinary.run(["list", "--kind", "note"])
        #expect(notes.status == 1)
        #expect(notes.stderr == "ostrom: no records\n")
    }

    @Test func showPrintsOneRecordAndUnknownIdsExitOne() throws {
        let shown = try OstromBinary.run(["show", "nef2014", "--format", "json"])
        #expect(shown.status == 0)
        let record = try #require(try json(shown.stdout) as? [String: Any])
        #expect(record["kind"] as? String == "transcript")
        #expect((record["authors"] as? [[String: String]])?.first?["literal"] == "New Economics Foundation")
        let text = try OstromBinary.run(["show", "tuurnas2016"])
        #expect(text.stdout.hasPrefix("The impact of co-production on frontline accountability"))
        let unknown = try OstromBinary.run(["show", "nobody1999"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("nobody1999"))
        #expect(unknown.stdout.isEmpty)
    }

    @Test func badUsageAndUnreadablePathsExitTwo() throws {
        let usage = try OstromBinary.run(["list", "--format", "xml"])
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("'xml' is invalid"))
        let missing = try OstromBinary.run(["list", "/no/such/ostrom-library"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "ostrom: /no/such/ostrom-library: no such file or directory\n")
    }

    @Test func oneBadFileAmongManyWarnsAndTheRestIsListed() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["000_9fe70f94f643b465.txt", "002_8c060663bd6487cc.txt"] {
            try FileManager.default.copyItem(at: OstromBinary.repositoryRoot.appendingPathComponent("Resources/" + name),
                                             to: folder.appendingPathComponent(name))
        }
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x00]).write(to: folder.appendingPathComponent("broken.bin"))
        let output = try OstromBinary.run(["list", folder.path])
        #expect(output.status == 0)
        #expect(output.stdout.contains("tuurnas2016") && output.stdout.contains("mcmullin2018"))
        #expect(output.stderr.contains(folder.path + "/broken.bin: warning: binary file"))
    }

    @Test func aBinaryFileNamedAmongLibrariesIsSkippedForEveryCommand() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("a.bib")
        let utf16 = folder.appendingPathComponent("b.bib")
        let binary = folder.appendingPathComponent("c.bib")
        try Data("@article{good2020, title = {Co-production in good times}, year = 2020}\n".utf8).write(to: good)
        try (Data([0xFF, 0xFE]) + "@article{wide2021, title = {Co-production, wide}, year = 2021}\n".data(using: .utf16LittleEndian)!).write(to: utf16)
        try Data([0x89, 0x50, 0x4E, 0x47] + [UInt8](repeating: 0, count: 100)).write(to: binary)
        let paths = [good.path, utf16.path, binary.path]
        let exportFrom = paths.flatMap { ["--from", $0] }
        for command in [["list"] + paths, ["search", "co-production"] + paths, ["export", "--format", "bibtex"] + exportFrom, ["ladder"] + paths] {
            let output = try OstromBinary.run(command)
            #expect(output.status == 0, "\(command)")
            #expect(output.stderr.contains(binary.path + ": warning: binary file"), "\(command)")
            if command[0] != "ladder" { #expect(output.stdout.contains("good2020") && output.stdout.contains("wide2021"), "\(command)") }
        }
    }

    @Test func outputThatCannotBeWrittenIsOneLineAndAnExitCode() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // More than a pipe holds, so that the reader leaves before the end.
        let entries = (0..<3000).map { "@article{k\($0), title = {Co-production number \($0)}, year = 2020}\n" }.joined()
        let library = folder.appendingPathComponent("big.bib")
        try Data(entries.utf8).write(to: library)
        let binary = "'\(OstromBinary.url.path)'"
        let shell = URL(fileURLWithPath: "/bin/sh")
        let full = try OstromBinary.run(["-c", "\(binary) list '\(library.path)' > /dev/full"], executable: shell)
        #expect(full.status == 2)
        #expect(full.stderr == "ostrom: cannot write the output: No space left on device\n")
        let closed = try OstromBinary.run(["-c", "\(binary) list '\(library.path)' >&-"], executable: shell)
        #expect(closed.status == 2)
        #expect(closed.stderr == "ostrom: cannot write the output: standard output is closed\n")
        // A reader that leaves while SIGPIPE is ignored: a quiet 141.
        let left = try OstromBinary.run(["-c", "trap '' PIPE; \(binary) list --format json '\(library.path)' | head -c 10 > /dev/null; echo ${PIPESTATUS[0]}"],
                                        executable: URL(fileURLWithPath: "/bin/bash"))
        #expect(left.stdout == "141\n")
        #expect(left.stderr.isEmpty)
    }

    @Test func aFileNameThatIsNotUTF8IsOpenedAndShownEscaped() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = "'\(OstromBinary.url.path)'"
        let latin1 = "\"$(printf '\(folder.path)/caf\\351.bib')\""
        let shell = URL(fileURLWithPath: "/bin/sh")
        _ = try OstromBinary.run(["-c", "printf '@article{cafe2020, title = {Caf\\303\\251}, year = 2020}\\n' > \(latin1)"], executable: shell)
        let listed = try OstromBinary.run(["-c", "\(binary) list --format json \(latin1)"], executable: shell)
        #expect(listed.status == 0)
        #expect(listed.stdout.contains("\"path\" : \"\(folder.path)/caf\\\\xE9.bib\"") || listed.stdout.contains("caf\\\\xE9.bib"))
        let missing = try OstromBinary.run(["-c", "\(binary) list \"$(printf '\(folder.path)/gone\\351.bib')\""], executable: shell)
        #expect(missing.status == 2)
        #expect(missing.stderr == "ostrom: \(folder.path)/gone\\xE9.bib: no such file or directory\n")
    }

    @Test func versionAndAMistypedCommand() throws {
        let version = try OstromBinary.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("ostrom ") && version.stdout.split(separator: ".").count == 3)
        #expect(try OstromBinary.run(["--help"]).stdout.contains("--version"))
        let typo = try OstromBinary.run(["lsit"])
        #expect(typo.status == 2)
        #expect(typo.stderr == "ostrom: no command or file “lsit”; did you mean `list` (or `edit`)?\n")
        #expect(try OstromBinary.run(["shwo", "nef2014"]).stderr == "ostrom: no command or file “shwo”; did you mean `show`?\n")
        // Far from every command: the file is looked for, as before.
        #expect(try OstromBinary.run(["zebra"]).stderr == "ostrom: zebra: no such file or directory\n")
        // A file of that name is opened, never second-guessed.
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("@article{lsit2020, title = {A file called lsit}, year = 2020}\n".utf8).write(to: folder.appendingPathComponent("lsit"))
        let opened = try OstromBinary.run(["-c", "cd '\(folder.path)' && '\(OstromBinary.url.path)' lsit"], executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(opened.status == 0)
        #expect(opened.stdout.contains("lsit2020"))
    }

    @Test func ladderJSONHasTheModelsSections() throws {
        let output = try OstromBinary.run(["ladder", "--format", "json"])
        #expect(output.status == 0)
        let model = try #require(try json(output.stdout) as? [String: Any])
        #expect(Set(model.keys) == ["definitions", "stages", "types", "principles", "notCoProduction", "stories", "matrix", "placements"])
        let stages = try #require(model["stages"] as? [[String: Any]])
        #expect(stages.compactMap { $0["name"] as? String } == ["Doing to", "Doing for", "Doing with"])
        #expect(stages.first?["lines"] as? [Int] == [80, 80])
        let stories = try #require(model["stories"] as? [[String: Any]])
        #expect(stories.allSatisfy { ($0["principles"] as? [String])?.isEmpty == false })
        let matrix = try #require(model["matrix"] as? [String: Any])
        #expect((matrix["cells"] as? [[String]])?.count == 3)
        #expect((matrix["source"] as? String)?.contains("Bovaird") == true)
    }

    @Test func controlBytesInDocumentsNeverReachTheOutput() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("Evil \u{1B}]0;pwned\u{07} title \u{9B}2J\nbody\n".utf8).write(to: folder.appendingPathComponent("evil\u{1B}[31m.txt"))
        let output = try OstromBinary.run(["list", folder.path])
        #expect(output.status == 0)
        #expect(output.stdout.contains("Evil ^[]0;pwned^G title <U+009B>2J"))
        #expect(output.stderr.contains("evil^[[31m.txt:1: warning: no importer recognised this document"))
        for text in [output.stdout, output.stderr] {
            #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
        }
        let json = try OstromBinary.run(["list", "--format", "json", folder.path])
        #expect(json.stdout.contains("Evil \\u001B]0;pwned\\u0007 title \\u009B2J"))
    }

    @Test func binaryCopiedAloneRunsWithABareEnvironment() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Copied through a descriptor closed on exec ("Text file busy" otherwise, now and then).
        let copy = try OstromBinary.executable(named: "ostrom", in: folder, try Data(contentsOf: OstromBinary.url))
        let output = try OstromBinary.run(["list"], executable: copy,
                                          environment: ["PATH": "/usr/bin:/bin", "HOME": folder.path + "/home"])
        #expect(output.status == 0)
        #expect(output.stdout.split(separator: "\n").count == 6)
        for id in ["tuurnas2016", "loeffler2020", "mcmullin2018", "nef2014", "body2021"] {
            #expect(output.stdout.contains(id))
        }
        let ladder = try OstromBinary.run(["ladder", "--format", "json"], executable: copy, environment: ["PATH": "/usr/bin:/bin"])
        #expect(ladder.status == 0)
    }
}

@Suite struct NotATerminalTests {
    @Test func plainOstromPrintsTheListWhenStdoutIsNotATerminal() throws {
        let output = try OstromBinary.run([])
        #expect(output.status == 0)
        #expect(output.stdout == (try OstromBinary.run(["list"])).stdout)
    }
}

@Suite struct SearchCommandTests {
    @Test func jsonHitsBestFirstWithSnippets() throws {
        let output = try OstromBinary.run(["search", "coerced co-production", "--format", "json"])
        #expect(output.status == 0)
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        #expect(hits.first?["id"] as? String == "body2021")
        #expect(Set(hits.first?.keys.map { $0 } ?? []) == ["id", "kind", "title", "score", "snippet", "starred"])
        #expect((hits.first?["snippet"] as? String)?.contains("«coerced»") == true)
        #expect((hits.first?["score"] as? Double ?? 0) > 0)
    }

    /// The command line's answers to the issue's examples, which
    /// `PromptAgreesWithCommandLineTests` checks the prompt gives too.
    @Test func prefixesStemsAndWordsCloseToThem() throws {
        func ids(_ query: String) throws -> [String] {
            let output = try OstromBinary.run(["search", query, "--format", "json"])
            return (try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        }
        #expect(try ids("reciproc*") == ["nef2014"])
        #expect(try ids("volunteering") == ["nef2014", "tuurnas2016", "body2021"])
        #expect(try ids("concil*") == ["tuurnas2016"])
        let approximate = try OstromBinary.run(["search", "accountabilty"])
        #expect(approximate.status == 0 && approximate.stdout.hasPrefix("tuurnas2016"))
        #expect(approximate.stderr == "ostrom: no word “accountabilty”: words close to it\n")
    }

    @Test func limitAndChineseAndExitCodes() throws {
        let limited = try OstromBinary.run(["search", "co-production", "--limit", "2", "--format", "json"])
        #expect((try JSONSerialization.jsonObject(with: Data(limited.stdout.utf8)) as? [Any])?.count == 2)
        let chinese = try OstromBinary.run(["search", "合作"])
        #expect(chinese.status == 0 && chinese.stdout.hasPrefix("body2021"))
        let nothing = try OstromBinary.run(["search", "zzzqqqxx"])
        #expect(nothing.status == 1 && nothing.stdout.isEmpty)
        let malformed = try OstromBinary.run(["search", "colour:red"])
        #expect(malformed.status == 2)
        #expect(malformed.stderr.hasPrefix("ostrom: bad query at character 1: unknown field “colour:”"))
        let sideways = try OstromBinary.run(["search", "trust stage:sideways"])
        #expect(sideways.status == 2 && sideways.stderr.hasPrefix("ostrom: bad query: no stage “sideways”"))
        let unclosed = try OstromBinary.run(["search", "\"open"])
        #expect(unclosed.status == 2 && unclosed.stderr.contains("unclosed quote"))
    }
}

@Suite struct ImportCommandTests {
    @Test func importDeduplicatesAndTheDefaultLibraryShowsIt() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bib = folder.appendingPathComponent("mine.bib")
        try Data("""
            @article{pestoff2006, author = {Pestoff, Victor}, title = {Citizens and co-production of welfare services}, journal = {Public Management Review}, year = 2006, doi = {10.1080/14719030601022882}}
            @book{ostrom1990, author = {Ostrom, Elinor}, title = {Governing the Commons}, year = 1990}
            """.utf8).write(to: bib)
        let environment = OstromBinary.environment(state: folder)
        let first = try OstromBinary.run(["import", bib.path], environment: environment)
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("added 2, updated 0, skipped 0"))
        let again = try OstromBinary.run(["import", bib.path], environment: environment)
        #expect(again.stdout.hasPrefix("added 0, updated 0, skipped 2"))
        let listed = try OstromBinary.run(["list"], environment: environment)
        for id in ["tuurnas2016", "nef2014", "pestoff2006", "ostrom1990"] { #expect(listed.stdout.contains(id)) }
        let found = try OstromBinary.run(["search", "commons"], environment: environment)
        #expect(found.stdout.hasPrefix("ostrom1990"))
    }

    /// A library record with a built-in record's id gets a suffix; the
    /// built-in keeps its id, as in the browser.
    @Test func aLibraryRecordWithABuiltInIDGetsASuffix() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = OstromBinary.environment(state: folder)
        let bib = folder.appendingPathComponent("mine.bib")
        try Data("@article{tuurnas2016, author = {Other, Ann}, title = {Another paper}, year = 2016}\n".utf8).write(to: bib)
        #expect(try OstromBinary.run(["import", bib.path], environment: environment).status == 0)
        let json = try OstromBinary.run(["list", "--format", "json"], environment: environment)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let titles = Dictionary(items.map { ($0["id"] as? String ?? "", $0["title"] as? String ?? "") }, uniquingKeysWith: { first, _ in first })
        #expect(titles["tuurnas2016"]?.hasPrefix("The impact of co-production") == true)
        #expect(titles["tuurnas2016a"] == "Another paper")
    }

    /// A file exported again with one entry changed and one new: the dry
    /// run says so and changes nothing; the import updates and adds.
    @Test func aNewerExportUpdatesInPlaceAndADryRunSaysWhy() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bib = folder.appendingPathComponent("zotero.bib")
        let environment = OstromBinary.environment(state: folder)
        try Data("""
            @article{pestoff2006, author = {Pestoff, Victor}, title = {Citizens and co-production}, year = 2006}
            @book{ostrom1990, author = {Ostrom, Elinor}, title = {Governing the Commons}, year = 1990}
            """.utf8).write(to: bib)
        #expect(try OstromBinary.run(["import", bib.path], environment: environment).status == 0)
        try Data("""
            @article{pestoff2006, author = {Pestoff, Victor}, title = {Citizens and co-production of welfare services}, year = 2006}
            @book{ostrom1990, author = {Ostrom, Elinor}, title = {Governing the Commons}, year = 1990}
            @article{new2021, author = {Loeffler, Elke}, title = {Co-production of public services}, year = 2021}
            """.utf8).write(to: bib)
        let dry = try OstromBinary.run(["import", "--dry-run", bib.path], environment: environment)
        #expect(dry.status == 0)
        #expect(dry.stdout == """
            update  pestoff2006: from the same entry of \(bib.path) as pestoff2006; title changed
            skip    ostrom1990: from the same entry of \(bib.path) as ostrom1990; nothing new
            add     new2021: new
            would add 1, update 1, skip 1; nothing changed (\(OstromBinary.library(state: folder)))

            """)
        let unchanged = try OstromBinary.run(["list", "--format", "json"], environment: environment)
        #expect(!unchanged.stdout.contains("welfare"))
        let imported = try OstromBinary.run(["import", bib.path], environment: environment)
        #expect(imported.stdout.hasPrefix("update  pestoff2006: from the same entry of \(bib.path) as pestoff2006; title changed\nadded 1, updated 1, skipped 1"))
        let listed = try OstromBinary.run(["list"], environment: environment)
        #expect(listed.stdout.contains("welfare") && listed.stdout.contains("new2021"))
        #expect(listed.stdout.components(separatedBy: "pestoff2006").count == 2)
    }
}

/// The user's state in every output and query: stars, tags, notes, the
/// day added; `list` sorts, chooses and cuts.
@Suite struct ListAndStateCommandTests {
    @Test func stateIsInTheJSONAndListChoosesSortsAndCuts() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = OstromBinary.environment(state: folder)
        let bib = folder.appendingPathComponent("mine.bib")
        try Data("""
            @article{old1990, author = {Ostrom, Elinor}, title = {Governing the commons}, year = 1990}
            @article{new2024, author = {Body, Alison}, title = {Another co-production study}, year = 2024}
            """.utf8).write(to: bib)
        #expect(try OstromBinary.run(["import", bib.path], environment: environment).status == 0)
        #expect(try OstromBinary.run(["annotate", "old1990", "--star", "--tag", "care", "--note", "Classic."], environment: environment).status == 0)
        #expect(try OstromBinary.run(["annotate", "tuurnas2016", "--tag", "care"], environment: environment).status == 0)

        let json = try OstromBinary.run(["list", "--format", "json", "--starred"], environment: environment)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(items.count == 1)
        #expect(items.first?["starred"] as? Bool == true && items.first?["tags"] as? [String] == ["care"] && items.first?["note"] as? String == "Classic.")
        #expect((items.first?["added"] as? String)?.count == 10)

        let tagged = try OstromBinary.run(["list", "--tag", "care", "--sort", "-year"], environment: environment)
        #expect(tagged.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: " ").first.map(String.init) } == ["tuurnas2016", "old1990"])
        let newest = try OstromBinary.run(["list", "--sort", "-year", "--limit", "1", "--kind", "paper"], environment: environment)
        #expect(newest.stdout.contains("new2024") && newest.stdout.split(separator: "\n").count == 2)
        let added = try OstromBinary.run(["list", "--sort", "added", "--limit", "2"], environment: environment)
        #expect(added.stdout.contains("old1990") && added.stdout.contains("new2024"))
        let queried = try OstromBinary.run(["list", "--query", "starred:no added:>2000 co-production"], environment: environment)
        #expect(queried.stdout.contains("new2024") && !queried.stdout.contains("old1990") && !queried.stdout.contains("tuurnas2016"))
        let noted = try OstromBinary.run(["search", "note:classic", "--format", "json"], environment: environment)
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(noted.stdout.utf8)) as? [[String: Any]])
        #expect(hits.map { $0["id"] as? String } == ["old1990"] && hits.first?["starred"] as? Bool == true)
        let shown = try OstromBinary.run(["show", "old1990"], environment: environment)
        #expect(shown.stdout.contains("Yours  ★ starred  #care\nClassic."))
        let none = try OstromBinary.run(["list", "--tag", "nothing"], environment: environment)
        #expect(none.status == 1)
        let bad = try OstromBinary.run(["list", "--sort", "colour"], environment: environment)
        #expect(bad.status != 0 && bad.stderr.contains("-citations"))
    }
}

/// The user library keeps every kind whole and is never written over when it cannot be read.
@Suite struct UserLibraryCommandTests {
    private func objects(_ text: String) throws -> [String] {
        let items = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        // The day a record came into the library is the user's state, not the record's.
        return try items.filter { !(($0["source"] as? [String: Any])?["path"] as? String ?? "").hasPrefix("builtin:") }
            .map { String(decoding: try JSONSerialization.data(withJSONObject: $0.filter { $0.key != "added" }, options: [.sortedKeys]), as: UTF8.self) }
    }

    @Test func importedEventsAndTranscriptsComeBackAsTheyWereRead() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixtures = OstromBinary.repositoryRoot.appendingPathComponent("Tests/OstromCoreTests/Fixtures")
        // Every importer's fixtures: papers, events, transcripts and a note.
        let paths = [fixtures.path]
        let environment = OstromBinary.environment(state: folder)
        let direct = try OstromBinary.run(["list", "--format", "json"] + paths, environment: environment)
        #expect(try OstromBinary.run(["import"] + paths, environment: environment).status == 0)
        let stored = try OstromBinary.run(["list", "--format", "json"], environment: environment)
        let expected = try objects(direct.stdout)
        #expect(!expected.isEmpty)
        #expect(try objects(stored.stdout) == expected)
        for kind in ["paper", "event", "transcript", "note"] { #expect(expected.contains { $0.contains("\"kind\":\"\(kind)\"") }, "\(kind)") }
    }

    /// The library file of an earlier version, cut short: said, kept as it
    /// is, never taken as empty; imports go into the database beside it.
    @Test func anEarlierLibraryCutShortIsReportedAndKept() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = OstromBinary.environment(state: folder)
        let library = folder.appendingPathComponent("data/ostrom/library.json")
        try FileManager.default.createDirectory(at: library.deletingLastPathComponent(), withIntermediateDirectories: true)
        let cut = Data("[{\"id\": \"mine2020\", \"kind\": \"paper\", \"title\": \"A thousand records of my own".utf8)
        try cut.write(to: library)
        let listed = try OstromBinary.run(["list"], environment: environment)
        #expect(listed.status == 0)
        #expect(listed.stderr.contains("library.json: not valid JSON (cut off?); left as it is, not moved into library.sqlite (in "
            + library.deletingLastPathComponent().path + ")"))
        let bib = folder.appendingPathComponent("new.bib")
        try Data("@article{new2021, title = {New}}\n".utf8).write(to: bib)
        let imported = try OstromBinary.run(["import", bib.path], environment: environment)
        #expect(imported.status == 0)
        #expect(try Data(contentsOf: library) == cut)
    }

    /// A library database that is not one: said, the built-in records
    /// shown, nothing imported over it.
    @Test func aDamagedLibraryIsNeverWrittenOver() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = OstromBinary.environment(state: folder)
        let path = OstromBinary.library(state: folder)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let junk = Data(String(repeating: "years of work, damaged ", count: 400).utf8)
        try junk.write(to: URL(fileURLWithPath: path))
        let listed = try OstromBinary.run(["list"], environment: environment)
        #expect(listed.status == 0)
        #expect(listed.stdout.contains("tuurnas2016"))
        #expect(listed.stderr.contains(path + ": not an ostrom library (damaged, or another kind of file); left as it is; only the built-in records are shown"))
        let bib = folder.appendingPathComponent("new.bib")
        try Data("@article{new2021, title = {New}}\n".utf8).write(to: bib)
        let imported = try OstromBinary.run(["import", bib.path], environment: environment)
        #expect(imported.status == 2)
        #expect(imported.stderr.contains(path + ": not an ostrom library"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == junk)
    }
}

@Suite struct ExportCommandTests {
    @Test func bibtexOfChosenIDsReadsBackThroughImport() throws {
        let output = try OstromBinary.run(["export", "--format", "bibtex", "nef2014", "tuurnas2016"])
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("@misc{nef2014,\n  title = {Co-production: theory and practice},\n  author = {{New Economics Foundation}}"))
        #expect(output.stdout.contains("@article{tuurnas2016,"))
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("out.bib")
        try Data(output.stdout.utf8).write(to: file)
        let listed = try OstromBinary.run(["list", "--format", "json", file.path])
        #expect(listed.stderr.isEmpty)
        let records = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(records.compactMap { $0["id"] as? String } == ["nef2014", "tuurnas2016"])
    }

    @Test func queryChoosesAndEveryFormatWrites() throws {
        let ris = try OstromBinary.run(["export", "--format", "ris", "--query", "accountability"])
        #expect(ris.status == 0)
        #expect(ris.stdout.hasPrefix("TY  - JOUR\nID  - tuurnas2016\n"))
        #expect(ris.stdout.components(separatedBy: "ER  - ").count == 2)
        let markdown = try OstromBinary.run(["export", "--format", "markdown"])
        #expect(markdown.stdout.split(separator: "\n\n").count == 5)
        let csl = try OstromBinary.run(["export", "--format", "csljson", "body2021"])
        let items = try #require(try JSONSerialization.jsonObject(with: Data(csl.stdout.utf8)) as? [[String: Any]])
        #expect(items.first?["DOI"] as? String == "10.1332/204080521x16231629157096")
    }

    @Test func unknownIDAndEmptyQueryFail() throws {
        let unknown = try OstromBinary.run(["export", "--format", "bibtex", "nobody1999"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("nobody1999"))
        #expect(unknown.stdout.isEmpty)
        let nothing = try OstromBinary.run(["export", "--format", "ris", "--query", "zzzqqq"])
        #expect(nothing.status == 1)
        let bad = try OstromBinary.run(["export", "--format", "ris", "--query", "title:"])
        #expect(bad.status == 2)
        let empty = try OstromBinary.run(["export", "--format", "ris", "--query", " "])
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("empty query"))
    }
}

/// An export is the user's bytes in a file or a pipe, and safe text on a terminal.
@Suite struct ExportToATerminalTests {
    /// (Exporters drop control characters themselves; bidi controls are text.)
    @Test func bidiCharactersShowOnATerminalAndPassThroughAPipe() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let library = folder.appendingPathComponent("bidi.bib")
        try Data("@article{bidi2020, title = {Evil \u{202E} txet}, year = 2020}\n".utf8).write(to: library)
        for format in ["bibtex", "ris", "markdown"] {
            let piped = try OstromBinary.run(["export", "--format", format, "--from", library.path])
            #expect(piped.stdout.contains("Evil \u{202E} txet"), "\(format)")
            let session = try TmuxSession(command: "'\(OstromBinary.url.path)' export --format \(format) --from '\(library.path)'; echo EXIT=$?; sleep 600")
            let screen = try session.waitFor("EXIT=0")
            #expect(screen.contains("Evil <U+202E> txet"), "\(format)")
        }
    }
}

/// `ostrom.1`, generated from the command definitions, is kept up to date.
@Suite struct ManualPageTests {
    @Test func completionScriptsNameEveryCommand() throws {
        for shell in ["bash", "zsh", "fish"] {
            let script = try OstromBinary.run(["--generate-completion-script", shell])
            #expect(script.status == 0, "\(shell)")
            for command in ["list", "show", "search", "ladder", "place", "page", "import", "export", "annotate"] {
                #expect(script.stdout.contains(command), "\(shell): \(command)")
            }
        }
    }

    @Test func everyCommandAndOptionIsInTheManualPage() throws {
        let page = try String(contentsOf: OstromBinary.repositoryRoot.appendingPathComponent("ostrom.1"), encoding: .utf8)
        let dump = try OstromBinary.run(["--experimental-dump-help"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        let command = try #require(root["command"] as? [String: Any])
        var missing: [String] = []
        func check(_ command: [String: Any]) {
            if let abstract = command["abstract"] as? String, !page.contains(abstract.split(separator: " ").prefix(6).joined(separator: " ")) {
                missing.append("the abstract of \(command["commandName"] ?? "")")
            }
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                for name in argument["names"] as? [[String: Any]] ?? [] where name["kind"] as? String == "long" {
                    if let long = name["name"] as? String, !page.contains(" -" + long) { missing.append("--" + long) }
                }
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                if let name = sub["commandName"] as? String, !page.contains(name) { missing.append(name) }
                check(sub)
            }
        }
        check(command)
        #expect(missing.isEmpty, "ostrom.1 is out of date (run Scripts/generate-manual.sh): \(missing)")
    }
}


/// Records managed from the shell: added from stdin, edited in the
/// editor (opened again on an error), removed.
@Suite struct RecordCommandTests {
    private func run(_ arguments: [String], input: String, environment: [String: String]) throws -> OstromBinary.Output {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("stdin")
        try Data(input.utf8).write(to: file)
        let process = Process()
        process.executableURL = OstromBinary.url
        process.arguments = arguments
        process.environment = environment
        process.standardInput = try FileHandle(forReadingFrom: file)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return OstromBinary.Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func addEditAndRemove() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var environment = OstromBinary.environment(state: folder)
        let added = try run(["add"], input: "TY  - JOUR\nAU  - Doe, Jane\nTI  - Hello\nPY  - 2020\nER  - \n", environment: environment)
        #expect(added.status == 0 && added.stdout == "add     doe2020: new\n")
        #expect(try run(["add"], input: "  \n", environment: environment).status == 1)

        // The first save breaks the entry; opened again with the error on top, the second fixes it.
        let editor = try OstromBinary.script(named: "editor", in: folder, """
            if grep -q '^% ostrom: line' "$1"; then sed -i 's/title = {Broken,/title = {Fixed},/' "$1"
            else sed -i 's/title = {Hello},/title = {Broken,/' "$1"; fi
            """)
        environment["EDITOR"] = editor.path
        environment["VISUAL"] = nil
        let edited = try OstromBinary.run(["edit", "doe2020"], environment: environment)
        #expect(edited.status == 0 && edited.stdout == "saved doe2020\n")
        #expect(edited.stderr.contains("doe2020: line 1: entry doe2020 is not closed"))
        #expect(try OstromBinary.run(["show", "doe2020"], environment: environment).stdout.hasPrefix("Fixed"))
        // Broken and then saved unchanged: given up, the record as it was.
        let breaker = try OstromBinary.script(named: "breaker", in: folder, "grep -q '^% ostrom:' \"$1\" || sed -i 's/title = {Fixed},/title = {Open,/' \"$1\"")
        environment["EDITOR"] = breaker.path
        let abandoned = try OstromBinary.run(["edit", "doe2020"], environment: environment)
        #expect(abandoned.status == 1 && abandoned.stderr.contains("doe2020 is as it was"))
        #expect(try OstromBinary.run(["show", "doe2020"], environment: environment).stdout.hasPrefix("Fixed"))
        #expect(try OstromBinary.run(["edit", "tuurnas2016"], environment: environment).status == 1)

        let dry = try OstromBinary.run(["remove", "--dry-run", "doe2020"], environment: environment)
        #expect(dry.stdout == "would remove doe2020  Fixed\n")
        #expect(try OstromBinary.run(["remove", "doe2020", "nobody"], environment: environment).status == 1)
        let removed = try OstromBinary.run(["remove", "doe2020"], environment: environment)
        #expect(removed.status == 0 && removed.stdout == "removed doe2020  Fixed\n")
        #expect(try OstromBinary.run(["show", "doe2020"], environment: environment).status == 1)
    }
}

/// `Scripts/install PREFIX` puts the binary, the manual page and the
/// completions where a shell finds them, and `--uninstall` takes them away.
@Suite struct InstallScriptTests {
    @Test func installsAndUninstallsUnderAPrefix() throws {
        let prefix = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: prefix) }
        let script = OstromBinary.repositoryRoot.appendingPathComponent("Scripts/install")
        var environment = ProcessInfo.processInfo.environment
        environment["OSTROM_BINARY"] = OstromBinary.url.path
        let installed = try OstromBinary.run([prefix.path], executable: script, environment: environment)
        #expect(installed.status == 0, "\(installed.stderr)")
        let files = ["bin/ostrom", "share/man/man1/ostrom.1", "share/bash-completion/completions/ostrom",
                     "share/zsh/site-functions/_ostrom", "share/fish/vendor_completions.d/ostrom.fish"]
        for file in files {
            let size = (try? FileManager.default.attributesOfItem(atPath: prefix.appendingPathComponent(file).path)[.size] as? Int) ?? 0
            #expect(size > 100, "\(file)")
        }
        #expect(try Data(contentsOf: prefix.appendingPathComponent("share/man/man1/ostrom.1"))
            == Data(contentsOf: OstromBinary.repositoryRoot.appendingPathComponent("ostrom.1")))
        let version = try OstromBinary.run(["--version"], executable: prefix.appendingPathComponent("bin/ostrom"))
        #expect(version.stdout.hasPrefix("ostrom "))
        let removed = try OstromBinary.run(["--uninstall", prefix.path], executable: script, environment: environment)
        #expect(removed.status == 0 && removed.stdout.split(separator: "\n").count == files.count)
        for file in files { #expect(!FileManager.default.fileExists(atPath: prefix.appendingPathComponent(file).path), "\(file)") }
    }
}
