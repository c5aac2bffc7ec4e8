<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Detail</name>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="96" />
        <source>1 photo</source>
        <translation>1 张照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="97" />
        <source>{n} photos</source>
        <translation>{n} 张照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="101" />
        <source>sizes {sizes}</source>
        <translation>尺码 {sizes}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="103" />
        <source>{n} in stock</source>
        <translation>库存 {n} 件</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="104" />
        <source>Product {handle}{title}: {parts}</source>
        <translation>商品 {handle}{title}：{parts}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="120" />
        <source>{name}   (automatic, {share} share)</source>
        <translation>{name}   （自动，占 {share}）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="122" />
        <source>{name}   (automatic, {sure} sure)</source>
        <translation>{name}   （自动，把握 {sure}）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="203" />
        <source>Accept (A)</source>
        <translation>确认 (A)</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="204" />
        <source>The automatic category is right: keep it as staff's (key A)</source>
        <translation>自动识别的品类正确：保留为店员确认的品类（按 A）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="205" />
        <source>Reject (R)</source>
        <translation>否定 (R)</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="206" />
        <source>The automatic category is wrong: remove it, never suggest it again for this photo (key R)</source>
        <translation>自动识别的品类不对：删除它，以后不再为这张照片推荐（按 R）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="214" />
        <source>Category</source>
        <translation>品类</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="232" />
        <source>Confirm tag</source>
        <translation>确认标签</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="233" />
        <source>Keep the selected automatic tag as staff's</source>
        <translation>把选中的自动标签保留为店员确认的标签</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="234" />
        <source>Remove tag</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="235" />
        <source>Remove the selected tag from this photo (Delete)</source>
        <translation>从这张照片删除选中的标签（Delete 键）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="242" />
        <source>Add a tag and press Enter</source>
        <translation>输入标签后按回车</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="297" />
        <source>{count} photos selected. Accept, Reject, a category chosen and a new tag go to all {count}; the tags listed are {name}'s.</source>
        <translation>已选中 {count} 张照片。确认、否定、选择的品类和新标签会应用到全部 {count} 张；下面列出的是 {name} 的标签。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="316" />
        <source>Select a photo to see its details</source>
        <translation>选择一张照片查看详情</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="340" />
        <source>{width} × {height} pixels, {size}</source>
        <translation>{width} × {height} 像素，{size}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="343" />
        <source>Indexed {when}</source>
        <translation>索引于 {when}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="348" />
        <source>This file is missing from its folder; its tags are kept.</source>
        <translation>这个文件已不在原文件夹中；它的标签仍然保留。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="349" />
        <source>Could not be read: {why}</source>
        <translation>无法读取：{why}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="372" />
        <source>No category yet: choose one.</source>
        <translation>还没有品类：请选择一个。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="374" />
        <source>Learned from staff</source>
        <translation>根据店员示例学到</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="374" />
        <source>Automatic</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="375" />
        <source>{made}, {sure} sure</source>
        <translation>{made}，把握 {sure}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="377" />
        <source> — please check</source>
        <translation> — 请核对</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="379" />
        <source>Set by staff</source>
        <translation>店员设定</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="380" />
        <source>Hide examples</source>
        <translation>隐藏示例</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="380" />
        <source>Why?</source>
        <translation>为什么？</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="384" />
        <source>Why?: the staff examples this suggestion was learned from</source>
        <translation>为什么？：这条推荐所依据的店员示例</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="415" />
        <source>No preview</source>
        <translation>无法预览</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="416" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
</context>
<context>
    <name>Empty</name>
    <message>
        <location filename="../../fashiondesk/gui/empty_state.py" line="34" />
        <location filename="../../fashiondesk/gui/empty_state.py" line="42" />
        <source>Looking for photos…</source>
        <translation>正在查找照片…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/empty_state.py" line="35" />
        <source>Add your photo folder to start</source>
        <translation>添加您的照片文件夹即可开始</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/empty_state.py" line="36" />
        <source>fashiondesk looks at every photo in it and in its subfolders, suggests a category and colours for each, and keeps the tags here. Your photo files are never changed.

You can also drop a folder onto this window.</source>
        <translation>fashiondesk 会查看该文件夹及其子文件夹中的每张照片，为每件衣服推荐品类和颜色，并把标签保存在这里。您的照片文件不会被改动。

也可以直接把文件夹拖到这个窗口里。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/empty_state.py" line="39" />
        <source>Add your photo folder…</source>
        <translation>添加照片文件夹…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/empty_state.py" line="43" />
        <source>No photos in your folders yet</source>
        <translation>文件夹里还没有照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/empty_state.py" line="44" />
        <source>Add photos to the folder, then choose File → Rescan, or add another folder.</source>
        <translation>请把照片放进文件夹，然后选择“文件 → 重新扫描”，或添加其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/empty_state.py" line="45" />
        <source>Add another folder…</source>
        <translation>添加其他文件夹…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/empty_state.py" line="48" />
        <source>No photos match {what} here</source>
        <translation>这里没有符合 {what} 的照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/empty_state.py" line="49" />
        <source> and </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/empty_state.py" line="50" />
        <source>Check the spelling, or clear the search and filters to see every photo here.</source>
        <translation>请检查拼写，或清除搜索和筛选条件以查看这里的全部照片。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/empty_state.py" line="51" />
        <source>Clear search and filters</source>
        <translation>清除搜索和筛选</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/empty_state.py" line="53" />
        <source>Nothing to review</source>
        <translation>没有待确认的照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/empty_state.py" line="54" />
        <source>Every photo has a category set by staff or suggested with confidence.</source>
        <translation>每张照片都已有店员设定或有把握推荐的品类。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/empty_state.py" line="55" />
        <location filename="../../fashiondesk/gui/empty_state.py" line="57" />
        <location filename="../../fashiondesk/gui/empty_state.py" line="58" />
        <source>Show all photos</source>
        <translation>显示全部照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/empty_state.py" line="57" />
        <source>No similar items found</source>
        <translation>没有找到相似商品</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/empty_state.py" line="58" />
        <source>No photos here</source>
        <translation>这里没有照片</translation>
    </message>
</context>
<context>
    <name>Filters</name>
    <message>
        <location filename="../../fashiondesk/gui/filters.py" line="32" />
        <source>All categories</source>
        <translation>全部品类</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/filters.py" line="33" />
        <source>All colours</source>
        <translation>全部颜色</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/filters.py" line="33" />
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/filters.py" line="54" />
        <source>Search tags and file names</source>
        <translation>搜索标签和文件名</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/filters.py" line="178" />
        <source>Folder {path}</source>
        <translation>文件夹 {path}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/filters.py" line="180" />
        <source>Tagged “{tag}”</source>
        <translation>标签“{tag}”</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/filters.py" line="186" />
        <source>{title}, most similar first</source>
        <translation>{title}，最相似的在前</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/filters.py" line="198" />
        <source>1 photo</source>
        <translation>1 张照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/filters.py" line="199" />
        <source>{n} photos</source>
        <translation>{n} 张照片</translation>
    </message>
</context>
<context>
    <name>Goes with</name>
    <message>
        <location filename="../../fashiondesk/gui/goes_with.py" line="18" />
        <source>Tops</source>
        <translation>上装</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/goes_with.py" line="18" />
        <source>Bottoms</source>
        <translation>下装</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/goes_with.py" line="19" />
        <source>Dresses</source>
        <translation>连衣裙</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/goes_with.py" line="19" />
        <source>Outerwear</source>
        <translation>外套</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/goes_with.py" line="20" />
        <source>Shoes</source>
        <translation>鞋</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/goes_with.py" line="20" />
        <source>Accessories</source>
        <translation>配饰</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/goes_with.py" line="37" />
        <source>Goes with</source>
        <translation>搭配推荐</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/goes_with.py" line="40" />
        <source>Pieces of your stock that complete the look: one row per part of the outfit</source>
        <translation>店里能凑成一套的单品：每一行是整套搭配中的一部分</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/goes_with.py" line="43" />
        <source>Save look</source>
        <translation>保存搭配</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/goes_with.py" line="44" />
        <source>Keep this photo and the first piece of each row as a look; suggestions learn from the looks you save</source>
        <translation>把这张照片和每行的第一件保存为一套搭配；以后的推荐会参考您保存的搭配</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/goes_with.py" line="83" />
        <source>Looking for pieces that go with it…</source>
        <translation>正在查找能搭配的单品…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/goes_with.py" line="119" />
        <source>Nothing in the catalogue completes this look yet.</source>
        <translation>目录里暂时没有能和它搭配的单品。</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../fashiondesk/gui/help_menu.py" line="96" />
        <source>Quick guide</source>
        <translation>快速入门</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/help_menu.py" line="98" />
        <source>How to add photos, review categories with the keys, group products, import and export</source>
        <translation>如何添加照片、用快捷键确认品类、把照片归为商品、导入和导出</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/help_menu.py" line="100" />
        <source>Model card</source>
        <translation>模型说明</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/help_menu.py" line="101" />
        <source>What the model that suggests categories learned from, and how often it is right</source>
        <translation>推荐品类的模型是用什么学出来的，以及它有多常判断正确</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/help_menu.py" line="103" />
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/help_menu.py" line="104" />
        <source>The folder of the log file, where the details of every error go</source>
        <translation>日志文件所在的文件夹，每个错误的详细信息都记在那里</translation>
    </message>
</context>
<context>
    <name>Learning</name>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="32" />
        <source>learning…</source>
        <translation>正在学习…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="141" />
        <source>nothing learned yet: {waiting}</source>
        <translation>尚未学到：{waiting}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="142" />
        <source>nothing learned yet: the categories are the shipped model's</source>
        <translation>尚未学到：品类由出厂模型识别</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="144" />
        <source>learned from 1 staff category</source>
        <translation>已从 1 个店员设定的品类中学习</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="145" />
        <source>learned from {n} staff categories</source>
        <translation>已从 {n} 个店员设定的品类中学习</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="146" />
        <source>1 category taught</source>
        <translation>教会了 1 个品类</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="147" />
        <source>{n} categories taught</source>
        <translation>教会了 {n} 个品类</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="149" />
        <source> · {share} of staff's examples predicted right from the others</source>
        <translation> · 用其余示例预测，店员示例中 {share} 判断正确</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="155" />
        <source>{name}: {n} of {needed} examples needed before it is suggested</source>
        <translation>{name}：已有 {n} 个示例，需要 {needed} 个才会开始推荐</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="161" />
        <source>Nothing learned yet. Each category you set, accept or correct teaches fashiondesk; it then re-checks every photo's automatic category.</source>
        <translation>还没有学到任何东西。您每设定、确认或更正一个品类，fashiondesk 都会从中学习，并重新检查每张照片的自动品类。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="167" />
        <source>Taught by staff (examples):</source>
        <translation>店员教的品类（示例数）：</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="171" />
        <source>1 other category: no staff examples yet, suggested as fashiondesk first learned it</source>
        <translation>另有 1 个品类：还没有店员示例，按 fashiondesk 原来学到的推荐</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="173" />
        <source>{n} other categories: no staff examples yet, suggested as fashiondesk first learned them</source>
        <translation>另有 {n} 个品类：还没有店员示例，按 fashiondesk 原来学到的推荐</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="176" />
        <source>Not suggested yet:</source>
        <translation>尚未推荐：</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="179" />
        <source>Last run: {photos} automatic categories checked, {changed} changed, in {seconds} s.</source>
        <translation>上次运行：检查了 {photos} 个自动品类，更改了 {changed} 个，用时 {seconds} 秒。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="194" />
        <source>{name}: {n} of {needed} examples — fashiondesk starts suggesting it at {needed}</source>
        <translation>{name}：已有 {n} 个示例（共需 {needed} 个）— 达到 {needed} 个后 fashiondesk 开始推荐</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="225" />
        <source>nothing learned from staff categories yet</source>
        <translation>尚未从店员设定的品类中学习</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="232" />
        <source>could not learn from staff categories</source>
        <translation>无法从店员设定的品类中学习</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="277" />
        <source>Looking for the staff examples behind “{name}”…</source>
        <translation>正在查找“{name}”背后的店员示例…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="287" />
        <source>set to {name} by staff · similarity {score}</source>
        <translation>店员设为 {name} · 相似度 {score}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="291" />
        <source>Suggested because staff called photos like these “{name}” (most alike first):</source>
        <translation>之所以推荐，是因为店员把下面这些相似的照片设为“{name}”（最像的在前）：</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="293" />
        <source>No staff example of “{name}” yet: this is the shipped model's suggestion, adjusted by what staff taught about the other categories.</source>
        <translation>还没有“{name}”的店员示例：这是出厂模型的推荐，并参考了店员在其他品类上教的内容。</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="34" />
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="35" />
        <source>Rescan</source>
        <translation>重新扫描</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="36" />
        <source>Look for new, changed and moved photos</source>
        <translation>查找新增、改动和移动过的照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="38" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="39" />
        <source>Write the catalogue as CSV: for the till, a spreadsheet, Shopify or WooCommerce</source>
        <translation>把目录导出为 CSV：用于收银系统、电子表格、Shopify 或 WooCommerce</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="40" />
        <source>Import spreadsheet…</source>
        <translation>导入表格…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="41" />
        <source>Read products, prices, sizes, stock and tags from a spreadsheet saved as CSV</source>
        <translation>从另存为 CSV 的表格中读取商品、价格、尺码、库存和标签</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="42" />
        <source>Write keyword sidecars (XMP)…</source>
        <translation>写入关键词附属文件 (XMP)…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="43" />
        <source>Put the tags of the photos shown into photo.jpg.xmp files, for Lightroom, digiKam and Bridge</source>
        <translation>把当前显示照片的标签写入 photo.jpg.xmp 文件，供 Lightroom、digiKam 和 Bridge 使用</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="44" />
        <source>Restore from backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="45" />
        <source>Bring the catalogue back to how it was on an earlier day</source>
        <translation>把目录恢复到之前某一天的状态</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="46" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="47" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="48" />
        <source>Undo the last tag change</source>
        <translation>撤销上一次标签修改</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="50" />
        <source>About fashiondesk</source>
        <translation>关于 fashiondesk</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="51" />
        <source>Version, catalogue, model and log file</source>
        <translation>版本、目录、模型和日志文件</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="63" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="72" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="73" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="74" />
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="75" />
        <source>&amp;Review</source>
        <translation>确认(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="76" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="83" />
        <source>Accept the category</source>
        <translation>确认品类</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="84" />
        <source>The automatic category is right (on every photo selected)</source>
        <translation>自动识别的品类正确（对所有选中的照片）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="85" />
        <source>Reject the category</source>
        <translation>否定品类</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="86" />
        <source>The automatic category is wrong (on every photo selected)</source>
        <translation>自动识别的品类不对（对所有选中的照片）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="87" />
        <source>Type a category…</source>
        <translation>输入品类…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="88" />
        <source>Type a category's name in the Category box, then Enter</source>
        <translation>在“品类”框中输入品类名称，然后按回车</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="89" />
        <source>Next photo to review</source>
        <translation>下一张待确认照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="90" />
        <source>Photos to review</source>
        <translation>待确认的照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="91" />
        <source>Show the photos that need review, the first one selected</source>
        <translation>显示需要确认的照片，并选中第一张</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="92" />
        <source>Move on after each decision</source>
        <translation>确认后自动跳到下一张</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="93" />
        <source>After a decision on one photo, select the next photo to review</source>
        <translation>对一张照片做出决定后，自动选中下一张待确认照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="96" />
        <source>Set the category</source>
        <translation>设定品类</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../fashiondesk/gui/filters.py" line="173" />
        <location filename="../../fashiondesk/gui/sidebar.py" line="91" />
        <source>Needs review</source>
        <translation>待确认</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/filters.py" line="175" />
        <location filename="../../fashiondesk/gui/sidebar.py" line="93" />
        <source>Missing files</source>
        <translation>找不到的文件</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/filters.py" line="189" />
        <location filename="../../fashiondesk/gui/sidebar.py" line="90" />
        <source>All photos</source>
        <translation>全部照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/sidebar.py" line="33" />
        <source>not found</source>
        <translation>找不到</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/sidebar.py" line="41" />
        <source>Its {n} photos and their tags are kept.</source>
        <translation>其中的 {n} 张照片及标签都会保留。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/sidebar.py" line="42" />
        <source>This folder is not there: it may have been renamed or moved, or it is on a drive that is not plugged in. {kept}
Plug the drive in and press Rescan, or right-click and choose Relocate… to say where it is now.</source>
        <translation>找不到这个文件夹：它可能被改名或移动了，或者所在的硬盘没有接上。{kept}
请接上硬盘后点“重新扫描”，或右键选择“重新定位…”告诉 fashiondesk 它现在的位置。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/sidebar.py" line="89" />
        <source>Library</source>
        <translation>照片库</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/sidebar.py" line="95" />
        <source>Folders</source>
        <translation>文件夹</translation>
    </message>
</context>
<context>
    <name>Similar</name>
    <message>
        <location filename="../../fashiondesk/gui/filters.py" line="187" />
        <location filename="../../fashiondesk/gui/similar_section.py" line="48" />
        <source>Similar items</source>
        <translation>相似商品</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/similar_section.py" line="18" />
        <source>very similar</source>
        <translation>非常相似</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/similar_section.py" line="18" />
        <source>similar</source>
        <translation>相似</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/similar_section.py" line="19" />
        <source>related</source>
        <translation>有点像</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/similar_section.py" line="19" />
        <source>a little alike</source>
        <translation>略有相似</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/similar_section.py" line="31" />
        <source>in this catalogue</source>
        <translation>（在本目录中）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/similar_section.py" line="32" />
        <source>in the photos fashiondesk was tested on</source>
        <translation>（在 fashiondesk 测试用的照片中）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/similar_section.py" line="34" />
        <source>{word}: less alike than most photos {where}</source>
        <translation>{word}：不如大多数照片对相似{where}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/similar_section.py" line="36" />
        <source>{word}: more alike than all but {share} of pairs of photos {where}</source>
        <translation>{word}：比 {share} 以外的所有照片对都更相似{where}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/similar_section.py" line="50" />
        <source>Same colour first</source>
        <translation>同色优先</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/similar_section.py" line="51" />
        <source>Put similar items of this photo's main colour first</source>
        <translation>把和这张照片主色相同的相似商品排在前面</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/similar_section.py" line="54" />
        <source>Show all</source>
        <translation>全部显示</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/similar_section.py" line="55" />
        <source>Show the most similar photos in the grid, best first</source>
        <translation>在照片网格中显示最相似的照片，最像的在前</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/similar_section.py" line="69" />
        <source>Looking for similar items…</source>
        <translation>正在查找相似商品…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/similar_section.py" line="79" />
        <source>Product {handle}</source>
        <translation>商品 {handle}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/similar_section.py" line="80" />
        <source>No similar items found yet.</source>
        <translation>暂时没有找到相似商品。</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../fashiondesk/gui/indexing.py" line="82" />
        <source>{n} indexed</source>
        <translation>已索引 {n} 张</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/indexing.py" line="84" />
        <source>{n} unchanged</source>
        <translation>{n} 张未变</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/indexing.py" line="86" />
        <source>{n} could not be read</source>
        <translation>{n} 张无法读取</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/indexing.py" line="88" />
        <source>{n} missing</source>
        <translation>{n} 张找不到</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/indexing.py" line="90" />
        <source>{n} moved</source>
        <translation>{n} 张已移动</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/indexing.py" line="92" />
        <source>{n} tagged again by a newer method</source>
        <translation>{n} 张用新方法重新标记</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/indexing.py" line="94" />
        <source>not found: {folders}</source>
        <translation>找不到：{folders}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/indexing.py" line="95" />
        <source>Indexing cancelled</source>
        <translation>索引已取消</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/indexing.py" line="95" />
        <source>Indexing done</source>
        <translation>索引完成</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/indexing.py" line="96" />
        <source>{what}: {parts}</source>
        <translation>{what}：{parts}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/status.py" line="27" />
        <source>estimating…</source>
        <translation>正在估算…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/status.py" line="37" />
        <source>Indexing {done} of {total} photos</source>
        <translation>正在索引第 {done} 张，共 {total} 张</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/status.py" line="40" />
        <source> · {rate} photos/s · {left} left</source>
        <translation> · 每秒 {rate} 张 · 还需 {left}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/status.py" line="43" />
        <source> · {n} unreadable</source>
        <translation> · {n} 张无法读取</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/status.py" line="60" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/status.py" line="61" />
        <source>Stop indexing; everything indexed so far is kept</source>
        <translation>停止索引；已索引的内容都会保留</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/status.py" line="69" />
        <source>Looking for new and changed photos…</source>
        <translation>正在查找新增和改动的照片…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/status.py" line="81" />
        <source>Stopping… (everything indexed so far is kept)</source>
        <translation>正在停止…（已索引的内容都会保留）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/status.py" line="92" />
        <source>Photos that could not be read</source>
        <translation>无法读取的照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/status.py" line="95" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/status.py" line="95" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/status.py" line="109" />
        <source>unknown reason</source>
        <translation>原因不明</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/status.py" line="123" />
        <source>1 photo could not be read</source>
        <translation>1 张照片无法读取</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/status.py" line="124" />
        <source>{n} photos could not be read</source>
        <translation>{n} 张照片无法读取</translation>
    </message>
</context>
<context>
    <name>Tag names</name>
    <message>
        <location filename="../../fashiondesk/gui/tag_names.py" line="9" />
        <source>Categories</source>
        <translation>品类</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/tag_names.py" line="10" />
        <source>Colours</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/tag_names.py" line="11" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/tag_names.py" line="14" />
        <source>dress</source>
        <translation>连衣裙</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/tag_names.py" line="15" />
        <source>hat</source>
        <translation>帽子</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/tag_names.py" line="16" />
        <source>long-sleeve top</source>
        <translation>长袖上衣</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/tag_names.py" line="17" />
        <source>outerwear</source>
        <translation>外套</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/tag_names.py" line="18" />
        <source>pants</source>
        <translation>裤子</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/tag_names.py" line="19" />
        <source>shirt</source>
        <translation>衬衫</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/tag_names.py" line="20" />
        <source>shoes</source>
        <translation>鞋</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/tag_names.py" line="21" />
        <source>shorts</source>
        <translation>短裤</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/tag_names.py" line="22" />
        <source>skirt</source>
        <translation>半身裙</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/tag_names.py" line="23" />
        <source>T-shirt</source>
        <translation>T恤</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/tag_names.py" line="26" />
        <source>black</source>
        <translation>黑色</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/tag_names.py" line="27" />
        <source>charcoal</source>
        <translation>炭灰色</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/tag_names.py" line="28" />
        <source>grey</source>
        <translation>灰色</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/tag_names.py" line="29" />
        <source>white</source>
        <translation>白色</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/tag_names.py" line="30" />
        <source>cream</source>
        <translation>米白色</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/tag_names.py" line="31" />
        <source>beige</source>
        <translation>米色</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/tag_names.py" line="32" />
        <source>khaki</source>
        <translation>卡其色</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/tag_names.py" line="33" />
        <source>brown</source>
        <translation>棕色</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/tag_names.py" line="34" />
        <source>navy</source>
        <translation>藏青色</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/tag_names.py" line="35" />
        <source>blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/tag_names.py" line="36" />
        <source>light blue</source>
        <translation>浅蓝色</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/tag_names.py" line="37" />
        <source>teal</source>
        <translation>青绿色</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/tag_names.py" line="38" />
        <source>green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/tag_names.py" line="39" />
        <source>olive</source>
        <translation>橄榄绿</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/tag_names.py" line="40" />
        <source>yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/tag_names.py" line="41" />
        <source>orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/tag_names.py" line="42" />
        <source>red</source>
        <translation>红色</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/tag_names.py" line="43" />
        <source>maroon</source>
        <translation>酒红色</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/tag_names.py" line="44" />
        <source>pink</source>
        <translation>粉色</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/tag_names.py" line="45" />
        <source>purple</source>
        <translation>紫色</translation>
    </message>
</context>
<context>
    <name>View</name>
    <message>
        <location filename="../../fashiondesk/gui/view_menu.py" line="35" />
        <source>Folder order</source>
        <translation>按文件夹顺序</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/view_menu.py" line="36" />
        <source>Folder by folder, as the files lie (Needs review: least sure first)</source>
        <translation>逐个文件夹，按文件原有顺序（待确认：最没把握的在前）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/view_menu.py" line="37" />
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/view_menu.py" line="38" />
        <source>By file name, A to Z; IMG_2 comes before IMG_10</source>
        <translation>按文件名从 A 到 Z；IMG_2 排在 IMG_10 前面</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/view_menu.py" line="39" />
        <source>Date, newest first</source>
        <translation>日期，最新的在前</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/view_menu.py" line="40" />
        <source>The newest photos first (the date the file was last saved)</source>
        <translation>最新的照片在前（按文件最后保存的日期）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/view_menu.py" line="41" />
        <source>Least sure first</source>
        <translation>最没把握的在前</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/view_menu.py" line="42" />
        <source>No category first, then the categories fashiondesk is least sure of</source>
        <translation>先列没有品类的，再列 fashiondesk 最没把握的品类</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/view_menu.py" line="44" />
        <source>Smallest</source>
        <translation>最小</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/view_menu.py" line="44" />
        <source>Small</source>
        <translation>小</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/view_menu.py" line="45" />
        <source>Usual size</source>
        <translation>常规大小</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/view_menu.py" line="45" />
        <source>Large</source>
        <translation>大</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/view_menu.py" line="46" />
        <source>Largest</source>
        <translation>最大</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/view_menu.py" line="52" />
        <source>most similar first</source>
        <translation>最相似的在前</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/view_menu.py" line="54" />
        <source>by name</source>
        <translation>按名称</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/view_menu.py" line="56" />
        <source>newest first</source>
        <translation>最新的在前</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/view_menu.py" line="58" />
        <source>least sure first</source>
        <translation>最没把握的在前</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/view_menu.py" line="99" />
        <source>Sort by</source>
        <translation>排序方式</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/view_menu.py" line="112" />
        <source>Thumbnail size</source>
        <translation>缩略图大小</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/view_menu.py" line="113" />
        <source>Larger</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/view_menu.py" line="114" />
        <source>Smaller</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/view_menu.py" line="135" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/view_menu.py" line="142" />
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/view_menu.py" line="151" />
        <source>The language changes the next time fashiondesk opens</source>
        <translation>下次打开 fashiondesk 时将切换语言</translation>
    </message>
</context>
</TS>