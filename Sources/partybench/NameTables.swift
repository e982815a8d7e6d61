/// The word lists the synthetic city is built from: place-name characters, surnames, given-name characters
/// and the kinds of unit that host a branch. Plausible, not real: no name refers to an actual place or person.
enum NameTables {
    /// Characters combined in pairs into place names (districts, towns, villages, communities).
    static let placeCharacters: [Character] = Array(
        "东西南北江河湖山海桥塘浦溪林石清安宁泰丰盛兴华新长永福庆和平祥瑞云龙凤鹤梅兰竹松柳桃明阳春秋金玉光星月"
    )

    /// Common surnames, the first far more frequent in a real roster than the last.
    static let surnames: [String] = [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林",
        "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于",
        "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆",
        "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛",
    ]

    /// Characters of given names.
    static let givenCharacters: [Character] = Array(
        "建国华明军平伟芳敏静丽强磊洋艳勇杰娟涛超秀霞刚桂英红玲文志海波辉宇鹏飞亮春燕梅兰萍晓东丹琴云峰斌浩宁佳"
    )

    /// 民族 other than 汉族, for the few members who are not.
    static let minorities: [String] = ["回族", "满族", "壮族", "土家族", "苗族", "蒙古族", "畲族"]

    /// 学历.
    static let educations: [String] = ["大学本科", "大学本科", "大学本科", "大专", "大专", "硕士研究生", "高中", "中专", "初中", "博士研究生"]

    /// Industries of the companies that host branches.
    static let industries: [String] = ["机械", "电子", "纺织", "服饰", "建材", "物流", "食品", "化工", "港务", "科技", "模具", "文具"]

    /// Government departments that host 机关 branches.
    static let departments: [String] = [
        "财政局", "教育局", "卫生健康局", "司法局", "人力资源和社会保障局", "住房和城乡建设局", "交通运输局", "农业农村局",
        "市场监督管理局", "统计局", "民政局", "水利局",
    ]

    /// Provinces' area codes for members born outside the city.
    static let outsideAreaCodes: [String] = [
        "110105", "310104", "320102", "340102", "360102", "410102", "430102", "510104", "530102", "610102",
    ]

    /// Chinese numerals for 第一党小组, 第二党小组 ...
    static let ordinals: [String] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// A two-character place name.
    static func place(_ random: inout SeededGenerator) -> String {
        String([random.pick(placeCharacters), random.pick(placeCharacters)])
    }

    /// A person's name: a surname and one or two given characters.
    static func person(_ random: inout SeededGenerator) -> String {
        // The smaller of two draws favours the front of the list, as real surname frequencies do.
        var name = surnames[min(random.below(surnames.count), random.below(surnames.count))]
        name.append(random.pick(givenCharacters))
        if random.chance(70) { name.append(random.pick(givenCharacters)) }
        return name
    }

    /// The ordinal in 第…党小组 (十一, 十二 ... past ten).
    static func ordinal(_ number: Int) -> String {
        if number <= 10 { return ordinals[number - 1] }
        if number < 20 { return "十" + ordinals[number - 11] }
        return String(number)
    }
}
