/// How many letters must change (insert, delete, replace, or swap two
/// neighbours) to turn one word into another: for "did you mean".
public enum EditDistance {
    public static func between(_ first: String, _ second: String) -> Int {
        let a = Array(first), b = Array(second)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }

    /// The names at most `limit` edits from `word`, closest first.
    public static func closest(to word: String, among names: [String], limit: Int = 2) -> [String] {
        names.map { ($0, between(word.lowercased(), $0)) }.filter { $0.1 <= limit }.sorted { $0.1 < $1.1 }.map(\.0)
    }
}
