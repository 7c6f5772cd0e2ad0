import Disclosure

/// URL slugs of document types and disclosure categories, stable across builds.
enum ListingSlugs {
    /// `kh` for KH. Codes that fold to the same letters (HĐ Hợp đồng and HD Hướng dẫn, ĐA and DA)
    /// spell đ as "dd", as Vietnamese keyboards do, so every type keeps a slug of its own.
    static func type(_ type: DocumentType) -> String {
        typeSlugs[type.code] ?? TextFolding.slug(type.code)
    }

    /// `agency-6-9` for agency-6.9.
    static func category(_ category: DisclosureCategory) -> String {
        TextFolding.slug(category.description)
    }

    private static let typeSlugs: [String: String] = {
        let folded = Dictionary(grouping: DocumentType.all) { TextFolding.slug($0.code) }
        var slugs: [String: String] = [:]
        for type in DocumentType.all {
            let plain = TextFolding.slug(type.code)
            let clashes = (folded[plain]?.count ?? 0) > 1
            slugs[type.code] = clashes
                ? TextFolding.slug(type.code.replacingOccurrences(of: "Đ", with: "DD").replacingOccurrences(of: "đ", with: "dd"))
                : plain
        }
        return slugs
    }()
}
