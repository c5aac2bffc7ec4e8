<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <location filename="../../fashiondesk/gui/about.py" line="20" />
        <source>unknown (not installed)</source>
        <translation>未知（未安装）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/about.py" line="25" />
        <source>{path} (not written: logging is off)</source>
        <translation>{path}（未写入：日志记录已关闭）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/about.py" line="30" />
        <source>unknown ({error})</source>
        <translation>未知（{error}）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/about.py" line="32" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/about.py" line="33" />
        <source>Catalogue</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/about.py" line="34" />
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/about.py" line="35" />
        <source>Model card</source>
        <translation>模型说明</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/about.py" line="36" />
        <source>Log file</source>
        <translation>日志文件</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/about.py" line="43" />
        <source>&lt;b&gt;fashiondesk&lt;/b&gt;: a catalogue for clothing boutiques: tags and similar items for product photos.</source>
        <translation>&lt;b&gt;fashiondesk&lt;/b&gt;：服装精品店的照片目录，为商品照片加标签、查找相似商品。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/about.py" line="45" />
        <source>Help → Quick guide (F1) shows how to review categories with the keys. When you ask for help, send this list and the log file.</source>
        <translation>“帮助 → 快速入门”（F1）介绍如何用快捷键确认品类。需要求助时，请把这份清单和日志文件一起发过来。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/about.py" line="51" />
        <source>About fashiondesk</source>
        <translation>关于 fashiondesk</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <location filename="../../fashiondesk/gui/backups_dialog.py" line="34" />
        <source>daily</source>
        <translation>每日备份</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/backups_dialog.py" line="35" />
        <source>before restoring</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/backups_dialog.py" line="36" />
        <source>before removing a folder</source>
        <translation>移除文件夹前</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/backups_dialog.py" line="38" />
        <source>No backups yet: one is taken each day the catalogue changes.</source>
        <translation>还没有备份：目录有改动的每一天都会自动备份一次。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/backups_dialog.py" line="39" />
        <source>The catalogue is being indexed; restore a backup when the run has finished (or cancel it).</source>
        <translation>目录正在索引中；请等这次索引完成（或先取消）后再恢复备份。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/backups_dialog.py" line="55" />
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/backups_dialog.py" line="60" />
        <source>an unknown date</source>
        <translation>未知日期</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/backups_dialog.py" line="63" />
        <source>{day} at {time}</source>
        <translation>{day} {time}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/backups_dialog.py" line="76" />
        <location filename="../../fashiondesk/gui/backups_dialog.py" line="196" />
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/backups_dialog.py" line="79" />
        <source>Choose how the catalogue should be again. The current state is backed up first, so a restore can itself be undone.</source>
        <translation>请选择要把目录恢复到哪个时候的样子。恢复前会先备份目前的状态，所以恢复之后也可以再改回来。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/backups_dialog.py" line="85" />
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/backups_dialog.py" line="85" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/backups_dialog.py" line="86" />
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/backups_dialog.py" line="86" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/backups_dialog.py" line="103" />
        <source>This backup cannot be read.</source>
        <translation>这个备份无法读取。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/backups_dialog.py" line="111" />
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/backups_dialog.py" line="147" />
        <source> (1 photo, {tags} tags)</source>
        <translation>（1 张照片，{tags} 个标签）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/backups_dialog.py" line="148" />
        <source> ({photos} photos, {tags} tags)</source>
        <translation>（{photos} 张照片，{tags} 个标签）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/backups_dialog.py" line="151" />
        <source>Go back to {when}?</source>
        <translation>要恢复到 {when} 的状态吗？</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/backups_dialog.py" line="152" />
        <source>The catalogue will go back to how it was on {when}{counts}. The current state is backed up first: to return to it, restore the backup taken “before restoring”.</source>
        <translation>目录将恢复到 {when} 时的样子{counts}。恢复前会先备份目前的状态：想回到现在的样子，请恢复原因为“恢复前”的那份备份。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/backups_dialog.py" line="163" />
        <source>Restored the catalogue as it was on {when}</source>
        <translation>已把目录恢复到 {when} 时的样子</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/backups_dialog.py" line="165" />
        <source>; the state before was saved as {name}</source>
        <translation>；恢复前的状态已保存为 {name}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/backups_dialog.py" line="166" />
        <source>; the state before could not be read, so it was kept aside in the backups folder</source>
        <translation>；恢复前的状态无法读取，已单独保存在备份文件夹中</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/backups_dialog.py" line="197" />
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/backups_dialog.py" line="199" />
        <source>Restoring the catalogue…</source>
        <translation>正在恢复目录…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/backups_dialog.py" line="230" />
        <source>No backup of the catalogue today: {message}</source>
        <translation>今天未能备份目录：{message}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/safety.py" line="84" />
        <source>{why}; nothing was changed</source>
        <translation>{why}；没有做任何改动</translation>
    </message>
</context>
<context>
    <name>Catalogue</name>
    <message>
        <location filename="../../fashiondesk/core/services/paths.py" line="50" />
        <source>not in the catalogue: {path}</source>
        <translation>目录中没有：{path}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/indexing.py" line="137" />
        <source>this catalogue is being indexed by another fashiondesk (or is learning from staff categories, being restored or having a folder removed); try again when it has finished</source>
        <translation>另一个 fashiondesk 正在索引这个目录（或正在从店员设定的品类中学习、正在恢复备份、正在移除文件夹）；请等它完成后再试</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/safety.py" line="35" />
        <source>this catalogue is being indexed (or is learning from staff categories, being restored or having a folder removed); {doing} when that has finished</source>
        <translation>这个目录正在索引中（或正在从店员设定的品类中学习、正在恢复备份、正在移除文件夹）；请等当前操作完成后再{doing}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/safety.py" line="107" />
        <source>restore it</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/folders.py" line="61" />
        <source>relocate the folder</source>
        <translation>重新定位文件夹</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/folders.py" line="103" />
        <source>remove the folder</source>
        <translation>移除文件夹</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/rename.py" line="18" />
        <source>rename the photo</source>
        <translation>给照片改名</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/teaching.py" line="90" />
        <source>learn</source>
        <translation>从店员设定的品类中学习</translation>
    </message>
</context>
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
        <location filename="../../fashiondesk/gui/detail.py" line="105" />
        <source>, </source>
        <translation>，</translation>
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
        <translation>自动识别的品类不对：删除它，以后不再为这张照片推荐这个品类（按 R）</translation>
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
        <location filename="../../fashiondesk/gui/detail.py" line="344" />
        <source>Indexed {when}</source>
        <translation>索引于 {when}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="350" />
        <source>This file is missing from its folder; its tags are kept.</source>
        <translation>这个文件已不在原文件夹中；它的标签仍然保留。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="351" />
        <source>Could not be read: {why}</source>
        <translation>无法读取：{why}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="374" />
        <source>No category yet: choose one.</source>
        <translation>还没有品类：请选择一个。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="376" />
        <source>Learned from staff</source>
        <translation>根据店员示例学到</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="376" />
        <source>Automatic</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="377" />
        <source>{made}, {sure} sure</source>
        <translation>{made}，把握 {sure}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="379" />
        <source> — please check</source>
        <translation>，请核对</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="381" />
        <source>Set by staff</source>
        <translation>店员设定</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="382" />
        <source>Hide examples</source>
        <translation>隐藏示例</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="382" />
        <source>Why?</source>
        <translation>为什么？</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="386" />
        <source>Why?: the staff examples this suggestion was learned from</source>
        <translation>“为什么？”：查看这条推荐所依据的店员示例</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="422" />
        <source>No preview</source>
        <translation>无法预览</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/detail.py" line="423" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <location filename="../../fashiondesk/gui/duplicates.py" line="42" />
        <source>Exact copies: {n} files with the same bytes</source>
        <translation>完全相同的副本：{n} 个文件内容相同</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/duplicates.py" line="44" />
        <source>The same photo, altered: {n} photos</source>
        <translation>同一张照片的修改版：{n} 张照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/duplicates.py" line="45" />
        <source>Similar photos (other shots): {n} photos</source>
        <translation>相似照片（另外拍摄的）：{n} 张照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/duplicates.py" line="50" />
        <source>{kb} KB</source>
        <translation>{kb} KB</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/duplicates.py" line="51" />
        <source>{mb:.1f} MB</source>
        <translation>{mb:.1f} MB</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/duplicates.py" line="65" />
        <location filename="../../fashiondesk/gui/duplicates.py" line="241" />
        <source>Duplicates</source>
        <translation>重复照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/duplicates.py" line="68" />
        <source>Exact copies</source>
        <translation>完全相同的副本</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/duplicates.py" line="69" />
        <source>Altered copies (resized, cropped, edited)</source>
        <translation>修改过的副本（缩放、裁剪、调色）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/duplicates.py" line="70" />
        <source>Similar photos</source>
        <translation>相似照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/duplicates.py" line="82" />
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/duplicates.py" line="82" />
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/duplicates.py" line="83" />
        <source>Pixels</source>
        <translation>像素</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/duplicates.py" line="83" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/duplicates.py" line="84" />
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/duplicates.py" line="93" />
        <source>Show in the grid</source>
        <translation>在网格中显示</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/duplicates.py" line="94" />
        <source>The photos of the selected groups (or of every group) in the grid</source>
        <translation>在网格中显示所选组（或所有组）的照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/duplicates.py" line="96" />
        <source>Keep this one</source>
        <translation>保留这一张</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/duplicates.py" line="97" />
        <source>Keep the selected photo of its group instead of the one suggested: the others are the ones Tag the others… tags</source>
        <translation>改为保留组中所选的这张照片，而不是建议的那张；“给其余照片加标签…”会给其余的照片加标签</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/duplicates.py" line="99" />
        <source>Tag the others…</source>
        <translation>给其余照片加标签…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/duplicates.py" line="100" />
        <source>Give every photo but the one to keep a tag (of the selected groups, or of every group); files stay as they are</source>
        <translation>给所选组（或所有组）中除建议保留的那张以外的每张照片加一个标签；文件保持不变</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/duplicates.py" line="131" />
        <source>Choose what to look for.</source>
        <translation>请选择要查找的内容。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/duplicates.py" line="133" />
        <source>Looking for duplicates…</source>
        <translation>正在查找重复照片…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/duplicates.py" line="159" />
        <location filename="../../fashiondesk/gui/duplicates.py" line="232" />
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/duplicates.py" line="171" />
        <source>Groups found: {n}.</source>
        <translation>找到的组：{n}。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/duplicates.py" line="174" />
        <source>Photos indexed before fashiondesk could tell altered copies apart: {n}; Rescan checks them.</source>
        <translation>在 fashiondesk 能识别修改过的副本之前编入目录的照片：{n} 张；点“重新扫描”即可检查它们。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/duplicates.py" line="251" />
        <source>Tag for the photos that are not the one to keep ({n}):</source>
        <translation>给不保留的照片（{n} 张）加的标签：</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/duplicates.py" line="257" />
        <source>Duplicates ({n}): add the tag {tag}</source>
        <translation>重复照片（{n} 张）：添加标签 {tag}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/duplicates.py" line="172" />
        <source>No duplicates found.</source>
        <translation>没有找到重复照片。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/duplicates.py" line="250" />
        <source>Tag the others</source>
        <translation>给其余照片加标签</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/duplicates.py" line="252" />
        <source>duplicate</source>
        <translation>重复</translation>
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
    <name>Errors</name>
    <message>
        <location filename="../../fashiondesk/gui/app.py" line="132" />
        <source>The catalogue could not be opened:
{why}</source>
        <translation>无法打开目录：
{why}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/jobs.py" line="285" />
        <source> (details in {path})</source>
        <translation>（详情见 {path}）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/errors.py" line="21" />
        <source>the disk is full: free some space and run the command again (nothing already saved was lost)</source>
        <translation>磁盘已满：请腾出一些空间后再试一次（已保存的内容都没有丢失）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/errors.py" line="25" />
        <source>{catalogue} is damaged ({why}). Bring back a backup: 'fashiondesk restore --list', then 'fashiondesk restore 1' (or File → Restore from backup… in the window). To see the damage: sqlite3 '{catalogue}' 'PRAGMA integrity_check'</source>
        <translation>{catalogue} 已损坏（{why}）。请恢复一个备份：在窗口中选择“文件 → 从备份恢复…”（或运行 'fashiondesk restore --list'，再运行 'fashiondesk restore 1'）。查看损坏情况：sqlite3 '{catalogue}' 'PRAGMA integrity_check'</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/errors.py" line="29" />
        <source>{catalogue} is busy (another fashiondesk is writing to it); try again in a moment</source>
        <translation>{catalogue} 正忙（另一个 fashiondesk 正在写入）；请稍后再试</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/errors.py" line="32" />
        <source>{catalogue} cannot be written (read-only file or folder); copy it to a folder you can write to</source>
        <translation>无法写入 {catalogue}（文件或文件夹是只读的）；请把它复制到可以写入的文件夹</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/errors.py" line="35" />
        <source>cannot open {catalogue}: check that its folder exists and can be written to</source>
        <translation>无法打开 {catalogue}：请检查它所在的文件夹是否存在、是否可以写入</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/errors.py" line="37" />
        <source>the catalogue database could not be used: {why}</source>
        <translation>目录数据库无法使用：{why}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/errors.py" line="39" />
        <source>permission denied: {what}</source>
        <translation>没有权限：{what}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/errors.py" line="43" />
        <source>not enough memory to finish; close other programs and run the command again</source>
        <translation>内存不足，无法完成；请关闭其他程序后再试</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../fashiondesk/core/services/reports.py" line="79" />
        <source>cannot write {path}: {why}</source>
        <translation>无法写入 {path}：{why}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/reports.py" line="87" />
        <source>the image address must be where the shop hosts the photos, starting with https:// (e.g. https://cdn.example.com/shop/photos/), or empty</source>
        <translation>图片地址必须是网店存放照片的位置，以 https:// 开头（例如 https://cdn.example.com/shop/photos/），或者留空</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/safety.py" line="57" />
        <source>{path} is part of the catalogue itself; choose another file name for the export</source>
        <translation>{path} 是目录本身的文件；请给导出文件换一个名称</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/safety.py" line="59" />
        <source>{path} is in the catalogue's backup folder; choose another place for the export</source>
        <translation>{path} 在目录的备份文件夹里；请把导出文件放到别处</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/safety.py" line="61" />
        <source>{path} is a folder; give a file name for the export</source>
        <translation>{path} 是一个文件夹；请给导出文件起一个文件名</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/safety.py" line="63" />
        <source>{path} is a database, not a CSV file; it was left as it is</source>
        <translation>{path} 是数据库，不是 CSV 文件；没有改动它</translation>
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
        <location filename="../../fashiondesk/gui/main_window.py" line="533" />
        <source>{title}, most similar first</source>
        <translation>{title}，最相似的在前</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/filters.py" line="197" />
        <source>1 photo</source>
        <translation>1 张照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/filters.py" line="198" />
        <source>{n} photos</source>
        <translation>{n} 张照片</translation>
    </message>
</context>
<context>
    <name>Folders</name>
    <message>
        <location filename="../../fashiondesk/gui/folder_actions.py" line="23" />
        <source>The catalogue is being indexed; {doing} when the run has finished (or cancel it).</source>
        <translation>目录正在索引中；请等这次索引完成（或先取消）后再{doing}。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/folder_actions.py" line="29" />
        <source>Remove “{name}” from the catalogue?</source>
        <translation>要把“{name}”从目录中移除吗？</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/folder_actions.py" line="31" />
        <source>its 1 photo</source>
        <translation>其中的 1 张照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/folder_actions.py" line="32" />
        <source>its {n} photos</source>
        <translation>其中的 {n} 张照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/folder_actions.py" line="34" />
        <source> and the 1 tag and categories staff gave them</source>
        <translation>，以及店员为它们设置的 1 个标签和品类</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/folder_actions.py" line="35" />
        <source> and the {n} tags and categories staff gave them</source>
        <translation>，以及店员为它们设置的 {n} 个标签和品类</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/folder_actions.py" line="38" />
        <source> (staff have not tagged any of them)</source>
        <translation>（店员还没有给其中任何一张加过标签）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/folder_actions.py" line="39" />
        <source>fashiondesk will stop watching {path} and forget {forgotten}. The photo files themselves are not touched.

A backup of the catalogue is taken first: File → Restore from backup… brings it all back.</source>
        <translation>fashiondesk 将不再跟踪 {path}，也不再记录{forgotten}。照片文件本身不会有任何改动。

移除前会先备份目录：通过“文件 → 从备份恢复…”可以全部找回。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/folder_actions.py" line="45" />
        <source>fashiondesk will stop watching {path}. No photos are recorded in it.</source>
        <translation>fashiondesk 将不再跟踪 {path}。目录里没有记录这个文件夹中的照片。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/folder_actions.py" line="69" />
        <source>Relocate a folder that moved, or remove it from the catalogue</source>
        <translation>为移动过的文件夹重新指定位置，或把它从目录中移除</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/folder_actions.py" line="85" />
        <source>Folder not found: {name}</source>
        <translation>找不到文件夹：{name}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/folder_actions.py" line="86" />
        <source>{n} folders not found</source>
        <translation>有 {n} 个文件夹找不到</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/folder_actions.py" line="103" />
        <source>Relocate…</source>
        <translation>重新定位…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/folder_actions.py" line="104" />
        <source>Say where the folder is now; its photos keep their tags</source>
        <translation>告诉 fashiondesk 文件夹现在在哪里；其中照片的标签都会保留</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/folder_actions.py" line="107" />
        <source>Remove from catalogue…</source>
        <translation>从目录中移除…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/folder_actions.py" line="135" />
        <source>relocate the folder</source>
        <translation>重新定位文件夹</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/folder_actions.py" line="139" />
        <source>Where is “{name}” now?</source>
        <translation>“{name}”现在在哪里？</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/folder_actions.py" line="143" />
        <source>Moving the photos of {name} to {new}…</source>
        <translation>正在把 {name} 的照片移到 {new}…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/folder_actions.py" line="150" />
        <source>“{name}” is now {new}: its 1 photo keep their tags; checking the files…</source>
        <translation>“{name}”现在位于 {new}：其中 1 张照片的标签都已保留；正在检查文件…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/folder_actions.py" line="152" />
        <source>“{name}” is now {new}: its {n} photos keep their tags; checking the files…</source>
        <translation>“{name}”现在位于 {new}：其中 {n} 张照片的标签都已保留；正在检查文件…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/folder_actions.py" line="162" />
        <source>remove the folder</source>
        <translation>移除文件夹</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/folder_actions.py" line="169" />
        <location filename="../../fashiondesk/gui/folder_actions.py" line="170" />
        <source>Remove from catalogue</source>
        <translation>从目录中移除</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/folder_actions.py" line="173" />
        <source>Backing up the catalogue, then removing {name}…</source>
        <translation>正在备份目录，随后移除 {name}…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/folder_actions.py" line="179" />
        <source>Removed “{name}” from the catalogue</source>
        <translation>已把“{name}”从目录中移除</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/folder_actions.py" line="181" />
        <source> (1 photo forgotten)</source>
        <translation>（不再记录其中的 1 张照片）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/folder_actions.py" line="182" />
        <source> ({n} photos forgotten)</source>
        <translation>（不再记录其中的 {n} 张照片）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/folder_actions.py" line="184" />
        <source>; a backup was taken first: File → Restore from backup… brings them back</source>
        <translation>；移除前已先备份，通过“文件 → 从备份恢复…”可以找回</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/folders.py" line="50" />
        <source>not a watched folder: {folder} ('fashiondesk folders' lists them)</source>
        <translation>不是已跟踪的文件夹：{folder}（'fashiondesk folders' 会列出它们）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/folders.py" line="66" />
        <source>{new} overlaps the watched folder {clash}; index it instead (photos are recognised by their content and keep their tags), then 'fashiondesk folders --remove {old}'</source>
        <translation>{new} 与已跟踪的文件夹 {clash} 重叠；请改为索引它（照片按内容识别，标签会保留），然后运行 'fashiondesk folders --remove {old}'</translation>
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
        <location filename="../../fashiondesk/gui/help_menu.py" line="20" />
        <source>
&lt;h2&gt;fashiondesk in five minutes&lt;/h2&gt;

&lt;h3&gt;Add your photos&lt;/h3&gt;
&lt;p&gt;&lt;b&gt;File → Add folder…&lt;/b&gt; (Ctrl+O), or drag a folder onto the window. fashiondesk looks
at every photo once, in the background, and puts it in the grid with a category (dress,
shoes…) and its colours. Your photo files stay where they are. &lt;b&gt;Rescan&lt;/b&gt; (F5) picks up
photos added, changed or moved since.&lt;/p&gt;

&lt;h3&gt;Check the categories&lt;/h3&gt;
&lt;p&gt;Click &lt;b&gt;Needs review&lt;/b&gt; on the left: the photos with no category yet, or whose category
fashiondesk is not sure of, least sure first. An orange dot marks them in the grid. Click a
photo in the grid, then use the keys:&lt;/p&gt;
&lt;table cellspacing="2" cellpadding="2"&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;A&lt;/b&gt;&lt;/td&gt;&lt;td&gt;the category is right: accept it&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;R&lt;/b&gt;&lt;/td&gt;&lt;td&gt;the category is wrong: reject it (then choose the right one)&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;1&lt;/b&gt; to &lt;b&gt;9&lt;/b&gt;, &lt;b&gt;0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;choose the 1st to 9th category of the Category box's
list, 0 the 10th (&lt;b&gt;Review → Set the category&lt;/b&gt; shows which number is which)&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;C&lt;/b&gt;&lt;/td&gt;&lt;td&gt;type a category's name, then Enter; a new name of your own (blazer, polo)
is fine&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;N&lt;/b&gt;&lt;/td&gt;&lt;td&gt;go to the next photo to review&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Z&lt;/b&gt;&lt;/td&gt;&lt;td&gt;undo the last change (up to {undo_steps} steps)&lt;/td&gt;&lt;/tr&gt;
&lt;/table&gt;
&lt;p&gt;Select several photos first (Ctrl+click, Shift+click) and the key applies to all of them.
After a decision on one photo fashiondesk moves on to the next one to review (turn that off in
the Review menu).&lt;/p&gt;

&lt;h3&gt;It learns from you&lt;/h3&gt;
&lt;p&gt;Every category you set or accept is an example. A moment after your last change,
fashiondesk learns again from all your examples, in the background, in a few seconds, and
updates the categories it suggests for the other photos: correct a few blazers it called
“outerwear” and the rest follow. A new name of your own is suggested on other photos once it
has {min_examples} examples. Categories you set yourself are never changed by this; remove one and its
example is forgotten. &lt;b&gt;Why?&lt;/b&gt; beside a learned category shows the examples it came
from.&lt;/p&gt;

&lt;h3&gt;Find photos&lt;/h3&gt;
&lt;p&gt;&lt;b&gt;Search&lt;/b&gt; (Ctrl+F) looks in file names and tags; every word must match. The boxes
beside it narrow to one category or colour. Click a photo to see similar items beside it;
drag a customer's picture onto the window to find the look-alikes you have.
&lt;b&gt;View → Sort by&lt;/b&gt; orders the grid by folder, name, date or least sure first;
&lt;b&gt;View → Thumbnail size&lt;/b&gt; (Ctrl + and Ctrl −, Ctrl+0 for the usual size, or Ctrl and
the mouse wheel) makes the photos larger or smaller.&lt;/p&gt;

&lt;h3&gt;Products&lt;/h3&gt;
&lt;p&gt;Select the photos of one garment (front, back, detail), right-click and choose
&lt;b&gt;Group as one product…&lt;/b&gt;, with its SKU. Similar items then show each product once.
&lt;b&gt;File → Import spreadsheet…&lt;/b&gt; (Ctrl+I) reads a CSV with a &lt;i&gt;path&lt;/i&gt; column and any of
&lt;i&gt;product&lt;/i&gt;, &lt;i&gt;title&lt;/i&gt;, &lt;i&gt;price&lt;/i&gt;, &lt;i&gt;size&lt;/i&gt;, &lt;i&gt;stock&lt;/i&gt;, &lt;i&gt;tags&lt;/i&gt;: it says what
would change before it changes anything, and a file with a mistake changes nothing and
lists the rows to fix.&lt;/p&gt;

&lt;h3&gt;Outfits&lt;/h3&gt;
&lt;p&gt;Unfold &lt;b&gt;Goes with&lt;/b&gt; under the similar items: for the photo shown, the bottoms, shoes,
outerwear and accessories of your stock that complete the look, one row each; colours that
clash come last. &lt;b&gt;Save look&lt;/b&gt; keeps the photo with the first piece of each row (or
select photos worn together, right-click, &lt;b&gt;Save as a look…&lt;/b&gt;): the suggestions learn
from the looks you save.&lt;/p&gt;

&lt;h3&gt;Export&lt;/h3&gt;
&lt;p&gt;&lt;b&gt;File → Export…&lt;/b&gt; (Ctrl+E) writes one line per photo (where it is, its category and
whether it still needs review, colours, tags, its product), for Excel, LibreOffice or the
till; or a &lt;b&gt;Shopify&lt;/b&gt; or &lt;b&gt;WooCommerce&lt;/b&gt; product file, with the address where your
shop will host the photos. &lt;i&gt;Only the photos shown now&lt;/i&gt; exports the current view.
&lt;b&gt;File → Write keyword sidecars (XMP)…&lt;/b&gt; puts the tags beside the photos for Lightroom,
digiKam and Bridge; the photos themselves are never changed.&lt;/p&gt;

&lt;h3&gt;If something goes wrong&lt;/h3&gt;
&lt;p&gt;The message says what happened; the details go to the log. &lt;b&gt;Help → Open log folder&lt;/b&gt;
shows it, and &lt;b&gt;Help → About&lt;/b&gt; lists what to send when you ask for help.&lt;/p&gt;
</source>
        <translation>
&lt;h2&gt;五分钟上手 fashiondesk&lt;/h2&gt;

&lt;h3&gt;添加照片&lt;/h3&gt;
&lt;p&gt;&lt;b&gt;文件 → 添加文件夹…&lt;/b&gt;（Ctrl+O），或把文件夹拖到窗口里。fashiondesk 会在后台把每张照片看一遍，放进照片网格，并标上品类（连衣裙、鞋……）和颜色。照片文件留在原处不动。&lt;b&gt;重新扫描&lt;/b&gt;（F5）会找出之后新增、改动或移动过的照片。&lt;/p&gt;

&lt;h3&gt;核对品类&lt;/h3&gt;
&lt;p&gt;点左边的&lt;b&gt;待确认&lt;/b&gt;：这里是还没有品类、或 fashiondesk 对品类没把握的照片，最没把握的在前。网格里用橙色圆点标出它们。在网格中点一张照片，然后用这些按键：&lt;/p&gt;
&lt;table cellspacing="2" cellpadding="2"&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;A&lt;/b&gt;&lt;/td&gt;&lt;td&gt;品类正确：确认&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;R&lt;/b&gt;&lt;/td&gt;&lt;td&gt;品类不对：否定（然后选正确的品类）&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;1&lt;/b&gt; 到 &lt;b&gt;9&lt;/b&gt;、&lt;b&gt;0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;选择“品类”框列表中的第 1 到第 9 个品类，0 是第 10 个（&lt;b&gt;确认 → 设定品类&lt;/b&gt;里能看到每个数字对应哪个品类）&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;C&lt;/b&gt;&lt;/td&gt;&lt;td&gt;输入品类名称后按回车；也可以用您自己起的新名称（西装外套、Polo 衫）&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;N&lt;/b&gt;&lt;/td&gt;&lt;td&gt;跳到下一张待确认的照片&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Z&lt;/b&gt;&lt;/td&gt;&lt;td&gt;撤销上一次修改（最多 {undo_steps} 步）&lt;/td&gt;&lt;/tr&gt;
&lt;/table&gt;
&lt;p&gt;先选中多张照片（Ctrl+点击、Shift+点击），按键就会应用到所有选中的照片。对一张照片做出决定后，fashiondesk 会跳到下一张待确认的照片（可以在“确认”菜单里关闭）。&lt;/p&gt;

&lt;h3&gt;它会向您学习&lt;/h3&gt;
&lt;p&gt;您设定或确认的每个品类都是一个示例。在您最后一次修改后不久，fashiondesk 会在后台用几秒钟重新学习所有示例，并更新它为其他照片推荐的品类：把几件被认成“外套”的西装外套改过来，其余的也会跟着改。您自己起的新名称有了 {min_examples} 个示例后，才会推荐给其他照片。您亲自设定的品类不会因此被改动；删除一个，它对应的示例就会被忘掉。学到的品类旁边的&lt;b&gt;为什么？&lt;/b&gt;会显示它依据的示例。&lt;/p&gt;

&lt;h3&gt;查找照片&lt;/h3&gt;
&lt;p&gt;&lt;b&gt;搜索&lt;/b&gt;（Ctrl+F）会在文件名和标签中查找，每个词都要匹配。旁边的下拉框可以只看某个品类或颜色。点一张照片，旁边会显示相似商品；把顾客的图片拖到窗口里，可以找到店里相似的款式。&lt;b&gt;查看 → 排序方式&lt;/b&gt;可以按文件夹、名称、日期或“最没把握的在前”排列；&lt;b&gt;查看 → 缩略图大小&lt;/b&gt;（Ctrl + 和 Ctrl −，Ctrl+0 恢复常规大小，或按住 Ctrl 滚动鼠标滚轮）可以调大或调小照片。&lt;/p&gt;

&lt;h3&gt;商品&lt;/h3&gt;
&lt;p&gt;选中同一件衣服的几张照片（正面、背面、细节），右键选择&lt;b&gt;归为同一商品…&lt;/b&gt;，并填上 SKU。之后相似商品里每个商品只出现一次。&lt;b&gt;文件 → 导入表格…&lt;/b&gt;（Ctrl+I）读取一个 CSV，需要有 &lt;i&gt;path&lt;/i&gt; 列，以及 &lt;i&gt;product&lt;/i&gt;、&lt;i&gt;title&lt;/i&gt;、&lt;i&gt;price&lt;/i&gt;、&lt;i&gt;size&lt;/i&gt;、&lt;i&gt;stock&lt;/i&gt;、&lt;i&gt;tags&lt;/i&gt; 中的任意几列：改动之前会先告诉您要改什么；文件里有错误时什么都不改，并列出需要修正的行。&lt;/p&gt;

&lt;h3&gt;搭配&lt;/h3&gt;
&lt;p&gt;展开相似商品下面的&lt;b&gt;搭配推荐&lt;/b&gt;：针对当前照片，列出店里能凑成一套的下装、鞋、外套和配饰，每类一行；颜色冲突的排在最后。&lt;b&gt;保存搭配&lt;/b&gt;会把这张照片和每行的第一件保存为一套搭配（或者选中搭配在一起的照片，右键选择&lt;b&gt;保存为搭配…&lt;/b&gt;）：之后的推荐会参考您保存的搭配。&lt;/p&gt;

&lt;h3&gt;导出&lt;/h3&gt;
&lt;p&gt;&lt;b&gt;文件 → 导出…&lt;/b&gt;（Ctrl+E）每张照片写一行（位置、品类以及是否仍待确认、颜色、标签、所属商品），可用于 Excel、LibreOffice 或收银系统；也可以导出 &lt;b&gt;Shopify&lt;/b&gt; 或 &lt;b&gt;WooCommerce&lt;/b&gt; 商品文件，并填上网店存放照片的地址。&lt;i&gt;只导出当前显示的照片&lt;/i&gt;会只导出当前看到的内容。&lt;b&gt;文件 → 写入关键词附属文件 (XMP)…&lt;/b&gt;会把标签写到照片旁边，供 Lightroom、digiKam 和 Bridge 使用；照片本身不会被改动。&lt;/p&gt;

&lt;h3&gt;出了问题怎么办&lt;/h3&gt;
&lt;p&gt;提示信息会说明发生了什么，详细信息记在日志里。&lt;b&gt;帮助 → 打开日志文件夹&lt;/b&gt;可以找到日志，&lt;b&gt;帮助 → 关于&lt;/b&gt;列出了求助时需要提供的信息。&lt;/p&gt;
</translation>
    </message>
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
        <translation>推荐品类的模型是根据什么学出来的，以及它的准确率有多高</translation>
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
    <message>
        <location filename="../../fashiondesk/gui/help_menu.py" line="150" />
        <source>fashiondesk: quick guide</source>
        <translation>fashiondesk：快速入门</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <location filename="../../fashiondesk/core/export/importer.py" line="93" />
        <source>the header names {name} twice (columns {a} and {b})</source>
        <translation>表头中 {name} 出现了两次（第 {a} 列和第 {b} 列）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/export/importer.py" line="102" />
        <source>there is no 'path' column: it names each row's photo (absolute, or relative to the CSV's folder)</source>
        <translation>缺少 'path' 列：这一列写明每行对应的照片（完整路径，或相对于 CSV 所在文件夹的路径）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/export/importer.py" line="170" />
        <source>line {line}: no path</source>
        <translation>第 {line} 行：没有写路径</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/export/importer.py" line="174" />
        <source>line {line}: not in the catalogue: {path}</source>
        <translation>第 {line} 行：目录中没有：{path}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/export/importer.py" line="178" />
        <source>line {line}: the same photo as line {other}: {path}</source>
        <translation>第 {line} 行：与第 {other} 行是同一张照片：{path}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/export/importer.py" line="201" />
        <source>line {line}: {why}</source>
        <translation>第 {line} 行：{why}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/export/importer.py" line="222" />
        <source>line {line}: {field} {value} differs from {other} on line {other_line} for the same product</source>
        <translation>第 {line} 行：同一商品的 {field} 为 {value}，与第 {other_line} 行的 {other} 不一致</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/export/sheet.py" line="71" />
        <source>unknown encoding {encoding}</source>
        <translation>未知的编码 {encoding}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/export/sheet.py" line="73" />
        <source>the file is not {encoding} (byte {n} cannot be read so)</source>
        <translation>文件不是 {encoding} 编码（第 {n} 个字节无法按这种编码读取）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/export/sheet.py" line="80" />
        <source>the file says it is Unicode but is not (byte {n} cannot be read): save it again from the spreadsheet as CSV UTF-8</source>
        <translation>文件标明是 Unicode，实际却不是（第 {n} 个字节无法读取）：请在表格软件中重新另存为 CSV UTF-8</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/export/sheet.py" line="126" />
        <source>not a readable CSV file (line {line}): {why}</source>
        <translation>不是可读取的 CSV 文件（第 {line} 行）：{why}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/export/sheet.py" line="128" />
        <source>the file is empty: no header row</source>
        <translation>文件是空的：没有表头行</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/export/sheet.py" line="134" />
        <source>line {line} has {n} cells, the header {m}: is a separator missing from the header or a quote unclosed?</source>
        <translation>第 {line} 行有 {n} 个单元格，表头只有 {m} 个：是不是表头少了分隔符，或有引号没有闭合？</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/export/sheet.py" line="150" />
        <source>{value}: a price cannot be negative</source>
        <translation>{value}：价格不能是负数</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/export/sheet.py" line="154" />
        <location filename="../../fashiondesk/core/export/sheet.py" line="164" />
        <location filename="../../fashiondesk/core/export/sheet.py" line="169" />
        <location filename="../../fashiondesk/core/export/sheet.py" line="175" />
        <source>{value} is not a price</source>
        <translation>{value} 不是有效的价格</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/export/sheet.py" line="167" />
        <source>{value} is ambiguous: write it as 1234 or 1.234,00 or 1,234.00</source>
        <translation>{value} 有歧义：请写成 1234、1.234,00 或 1,234.00</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/export/sheet.py" line="182" />
        <source>{value} is not a whole number of pieces</source>
        <translation>{value} 不是有效的件数（件数应为整数）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/products.py" line="91" />
        <source>cannot read {path}: {why}</source>
        <translation>无法读取 {path}：{why}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/products.py" line="95" />
        <source>{path}: {why}</source>
        <translation>{path}：{why}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/products.py" line="107" />
        <source>{path}: nothing was imported; 1 problem to fix first:</source>
        <translation>{path}：没有导入任何内容；需要先改正 1 个问题：</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/products.py" line="108" />
        <source>{path}: nothing was imported; {n} problems to fix first:</source>
        <translation>{path}：没有导入任何内容；需要先改正 {n} 个问题：</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/products.py" line="112" />
        <source>  ... and {n} more</source>
        <translation>  ……还有 {n} 个</translation>
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
        <translation>尚未学到任何内容：{waiting}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="142" />
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="143" />
        <source>nothing learned yet: the categories are the shipped model's</source>
        <translation>尚未学到任何内容：品类都由出厂模型识别</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="145" />
        <source>learned from 1 staff category</source>
        <translation>已从 1 个店员示例中学习</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="146" />
        <source>learned from {n} staff categories</source>
        <translation>已从 {n} 个店员示例中学习</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="147" />
        <source>1 category taught</source>
        <translation>教会了 1 个品类</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="148" />
        <source>{n} categories taught</source>
        <translation>教会了 {n} 个品类</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="150" />
        <source> · {share} of staff's examples predicted right from the others</source>
        <translation> · 用其余示例预测，店员示例中 {share} 判断正确</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="156" />
        <source>{name}: {n} of {needed} examples needed before it is suggested</source>
        <translation>{name}：已有 {n} 个示例，需要 {needed} 个才会开始推荐</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="162" />
        <source>Nothing learned yet. Each category you set, accept or correct teaches fashiondesk; it then re-checks every photo's automatic category.</source>
        <translation>还没有学到任何东西。您每设定、确认或更正一个品类，fashiondesk 都会从中学习，并重新检查每张照片的自动品类。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="165" />
        <source>.</source>
        <translation>。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="168" />
        <source>Taught by staff (examples):</source>
        <translation>店员教的品类（示例数）：</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="172" />
        <source>1 other category: no staff examples yet, suggested as fashiondesk first learned it</source>
        <translation>另有 1 个品类：还没有店员示例，按 fashiondesk 原来学到的推荐</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="174" />
        <source>{n} other categories: no staff examples yet, suggested as fashiondesk first learned them</source>
        <translation>另有 {n} 个品类：还没有店员示例，按 fashiondesk 原来学到的推荐</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="177" />
        <source>Not suggested yet:</source>
        <translation>尚未推荐：</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="180" />
        <source>Last run: {photos} automatic categories checked, {changed} changed, in {seconds} s.</source>
        <translation>上次学习：检查了 {photos} 个自动品类，更改了 {changed} 个，用时 {seconds} 秒。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="204" />
        <source>{name}: {n} of {needed} examples — fashiondesk starts suggesting it at {needed}</source>
        <translation>{name}：已有 {n} 个示例，共需 {needed} 个——达到 {needed} 个后 fashiondesk 才会开始推荐</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="235" />
        <source>nothing learned from staff categories yet</source>
        <translation>尚未从店员设定的品类中学习</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="242" />
        <source>could not learn from staff categories</source>
        <translation>无法从店员设定的品类中学习</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="287" />
        <source>Looking for the staff examples behind “{name}”…</source>
        <translation>正在查找推荐“{name}”所依据的店员示例…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="297" />
        <source>set to {name} by staff · similarity {score}</source>
        <translation>店员设为 {name} · 相似度 {score}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="301" />
        <source>Suggested because staff called photos like these “{name}” (most alike first):</source>
        <translation>之所以推荐，是因为店员把下面这些相似的照片设为“{name}”（最像的在前）：</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/teaching.py" line="303" />
        <source>No staff example of “{name}” yet: this is the shipped model's suggestion, adjusted by what staff taught about the other categories.</source>
        <translation>还没有“{name}”的店员示例：这是出厂模型的推荐，并参考了店员在其他品类上教的内容。</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="35" />
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="36" />
        <source>Rescan</source>
        <translation>重新扫描</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="37" />
        <source>Look for new, changed and moved photos</source>
        <translation>查找新增、改动和移动过的照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="39" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="40" />
        <source>Write the catalogue as CSV: for the till, a spreadsheet, Shopify or WooCommerce</source>
        <translation>把目录导出为 CSV：用于收银系统、电子表格、Shopify 或 WooCommerce</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="41" />
        <source>Import spreadsheet…</source>
        <translation>导入表格…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="42" />
        <source>Read products, prices, sizes, stock and tags from a spreadsheet saved as CSV</source>
        <translation>从另存为 CSV 的表格中读取商品、价格、尺码、库存和标签</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="43" />
        <source>Write keyword sidecars (XMP)…</source>
        <translation>写入关键词附属文件 (XMP)…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="44" />
        <source>Put the tags of the photos shown into photo.jpg.xmp files, for Lightroom, digiKam and Bridge</source>
        <translation>把当前显示照片的标签写入 photo.jpg.xmp 文件，供 Lightroom、digiKam 和 Bridge 使用</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="45" />
        <source>Restore from backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="46" />
        <source>Bring the catalogue back to how it was on an earlier day</source>
        <translation>把目录恢复到之前某一天的状态</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="47" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="48" />
        <location filename="../../fashiondesk/gui/main_window.py" line="464" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="49" />
        <source>Undo the last tag change</source>
        <translation>撤销上一次标签修改</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="51" />
        <location filename="../../fashiondesk/gui/main_window.py" line="459" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="52" />
        <source>Make the tag change undone again</source>
        <translation>重新做一次已撤销的标签修改</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="57" />
        <source>About fashiondesk</source>
        <translation>关于 fashiondesk</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="58" />
        <source>Version, catalogue, model and log file</source>
        <translation>版本、目录、模型和日志文件</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="70" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="79" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="80" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="83" />
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="84" />
        <source>&amp;Review</source>
        <translation>确认(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="85" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="92" />
        <source>Accept the category</source>
        <translation>确认品类</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="93" />
        <source>The automatic category is right (on every photo selected)</source>
        <translation>自动识别的品类正确（应用到所有选中的照片）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="94" />
        <source>Reject the category</source>
        <translation>否定品类</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="95" />
        <source>The automatic category is wrong (on every photo selected)</source>
        <translation>自动识别的品类不对（应用到所有选中的照片）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="96" />
        <source>Type a category…</source>
        <translation>输入品类…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="97" />
        <source>Type a category's name in the Category box, then Enter</source>
        <translation>在“品类”框中输入品类名称，然后按回车</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="98" />
        <source>Next photo to review</source>
        <translation>下一张待确认照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="99" />
        <source>Photos to review</source>
        <translation>待确认的照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="100" />
        <source>Show the photos that need review, the first one selected</source>
        <translation>显示需要确认的照片，并选中第一张</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="101" />
        <source>Move on after each decision</source>
        <translation>处理完自动跳到下一张</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="102" />
        <source>After a decision on one photo, select the next photo to review</source>
        <translation>对一张照片做出决定后，自动选中下一张待确认照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="105" />
        <source>Set the category</source>
        <translation>设定品类</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="128" />
        <source>Find duplicates…</source>
        <translation>查找重复照片…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/actions.py" line="129" />
        <source>The same photo kept several times (copies, resized, cropped or edited), with the one to keep</source>
        <translation>同一张照片存了多份（副本、缩放、裁剪或修改过的），并建议保留哪一张</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/main_window.py" line="458" />
        <source>Redo {what}</source>
        <translation>重做 {what}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/main_window.py" line="463" />
        <source>Undo {what}</source>
        <translation>撤销 {what}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/main_window.py" line="558" />
        <source>Add a folder of photos</source>
        <translation>添加照片文件夹</translation>
    </message>
</context>
<context>
    <name>Other windows</name>
    <message>
        <location filename="../../fashiondesk/gui/other_windows.py" line="26" />
        <source>Another fashiondesk window has this catalogue open</source>
        <translation>另一个 fashiondesk 窗口也打开了这个目录</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/other_windows.py" line="27" />
        <source>Edits from both windows are kept; each window shows the other's changes within a few seconds.</source>
        <translation>两个窗口的修改都会保留；几秒钟内，每个窗口都会显示另一个窗口做的修改。</translation>
    </message>
</context>
<context>
    <name>Outfits</name>
    <message>
        <location filename="../../fashiondesk/core/services/outfits.py" line="60" />
        <source>{name} is missing: its file is no longer where the catalogue says, and Goes with suggests from the photos that are there</source>
        <translation>{name} 已缺失：文件已不在目录记录的位置；“搭配推荐”只从文件仍在的照片中挑选</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/outfits.py" line="72" />
        <source>the catalogue changed while looking; try again</source>
        <translation>查找时目录发生了变化；请再试一次</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/outfits.py" line="107" />
        <source>{name} has no category yet: choose one first, then ask what goes with it</source>
        <translation>{name} 还没有品类：请先选一个品类，再查看搭配推荐</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/outfits.py" line="109" />
        <source>{name} is a {category}, a category with no part in an outfit yet: give it one, e.g. 'fashiondesk roles {stored} top' ({roles})</source>
        <translation>{name} 的品类是 {category}，这个品类在搭配中的角色还没有设定：请给它指定一个，例如 'fashiondesk roles {stored} top'（{roles}）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/outfits.py" line="123" />
        <source>{path}: {why}</source>
        <translation>{path}：{why}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/outfits.py" line="172" />
        <source>{role} is not a part of an outfit: choose one of {roles}</source>
        <translation>{role} 不是搭配中的角色：请从 {roles} 中选择</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/outfits.py" line="175" />
        <source>name the category</source>
        <translation>请输入品类名称</translation>
    </message>
</context>
<context>
    <name>Photo menu</name>
    <message>
        <location filename="../../fashiondesk/gui/photo_menu.py" line="32" />
        <source>The file is missing from its folder</source>
        <translation>文件已不在原来的文件夹里</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/photo_menu.py" line="88" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/photo_menu.py" line="89" />
        <source>A larger picture (also on double-click)</source>
        <translation>查看大图（双击照片也可以）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/photo_menu.py" line="92" />
        <source>Open in image viewer</source>
        <translation>用看图软件打开</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/photo_menu.py" line="94" />
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/photo_menu.py" line="95" />
        <source>Copy path</source>
        <translation>复制路径</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/photo_menu.py" line="96" />
        <source>Copy where the photo's file is, to paste elsewhere</source>
        <translation>复制照片文件所在的位置，方便粘贴到别处</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/photo_menu.py" line="98" />
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/photo_menu.py" line="99" />
        <source>Give the file a new name; the photo keeps its tags</source>
        <translation>给文件换个名字；照片的标签都会保留</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/photo_menu.py" line="103" />
        <source>Group as one product…</source>
        <translation>归为同一商品…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/photo_menu.py" line="104" />
        <source>Make the photos selected one product (front, back, detail…), with its SKU or handle</source>
        <translation>把选中的照片（正面、背面、细节…）归为同一商品，并填上它的 SKU 或商品代号（handle）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/photo_menu.py" line="106" />
        <source>Take out of product</source>
        <translation>移出商品</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/photo_menu.py" line="107" />
        <source>The photos selected become products of their own again</source>
        <translation>选中的照片重新各自成为单独的商品</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/photo_menu.py" line="108" />
        <source>Save as a look…</source>
        <translation>保存为搭配…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/photo_menu.py" line="109" />
        <source>Keep the photos selected as an outfit worn together; suggestions under Goes with learn from the looks you save</source>
        <translation>把选中的照片保存为一套搭配；“搭配推荐”会参考您保存的搭配</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/photo_menu.py" line="130" />
        <source>The file {name} is not in its folder any more, so it cannot be opened.</source>
        <translation>文件 {name} 已不在原来的文件夹里，无法打开。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/photo_menu.py" line="133" />
        <source>No program to open {name} with was found on this computer.</source>
        <translation>这台电脑上没有能打开 {name} 的程序。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/photo_menu.py" line="138" />
        <source>The folder {folder} could not be opened. If it is on a drive, is the drive plugged in?</source>
        <translation>无法打开文件夹 {folder}。如果它在移动硬盘上，请检查硬盘是否已接上。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/photo_menu.py" line="145" />
        <source>Copied the path of {name}</source>
        <translation>已复制 {name} 的路径</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/photo_menu.py" line="151" />
        <source>rename the photo</source>
        <translation>重命名照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/photo_menu.py" line="166" />
        <source>Renamed {old} to {new}</source>
        <translation>已把 {old} 重命名为 {new}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/photo_menu.py" line="194" />
        <source>Rename photo</source>
        <translation>重命名照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/photo_menu.py" line="197" />
        <source>New name for {name}:</source>
        <translation>{name} 的新名称：</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/photo_menu.py" line="199" />
        <source>The photo keeps its tags. Leave out the ending and {extension} is kept.</source>
        <translation>照片的标签都会保留。不写扩展名的话，会沿用原来的 {extension}。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/photo_menu.py" line="206" />
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
</context>
<context>
    <name>Photos</name>
    <message>
        <location filename="../../fashiondesk/core/catalogue/scan.py" line="40" />
        <source>cannot list folder: {why}</source>
        <translation>无法列出文件夹内容：{why}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/catalogue/scan.py" line="41" />
        <source>a link that leads nowhere (or round in a loop)</source>
        <translation>链接指向不存在的位置（或循环指向自身）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/catalogue/scan.py" line="42" />
        <source>not a regular file</source>
        <translation>不是普通文件</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/catalogue/scan.py" line="43" />
        <source>cannot read file facts: {why}</source>
        <translation>无法读取文件信息：{why}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/catalogue/scan.py" line="44" />
        <source>file name is not valid UTF-8</source>
        <translation>文件名不是有效的 UTF-8</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/vision/imageload.py" line="83" />
        <source>cannot read file: {why}</source>
        <translation>无法读取文件：{why}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/vision/imageload.py" line="84" />
        <source>not a regular file ({kind})</source>
        <translation>不是普通文件（{kind}）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/vision/imageload.py" line="85" />
        <source>a folder</source>
        <translation>是一个文件夹</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/vision/imageload.py" line="86" />
        <source>a pipe</source>
        <translation>是一个管道</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/vision/imageload.py" line="87" />
        <source>a socket</source>
        <translation>是一个套接字</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/vision/imageload.py" line="88" />
        <source>a device</source>
        <translation>是一个设备</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/vision/imageload.py" line="89" />
        <source>a special file</source>
        <translation>是一个特殊文件</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/vision/imageload.py" line="90" />
        <source>format not supported ({ext})</source>
        <translation>不支持的格式（{ext}）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/vision/imageload.py" line="91" />
        <source>empty file (0 bytes)</source>
        <translation>空文件（0 字节）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/vision/imageload.py" line="92" />
        <source>file too large for a photo ({size}; the limit is {limit})</source>
        <translation>文件太大，不像照片（{size}；上限为 {limit}）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/vision/imageload.py" line="93" />
        <source>the image has too many pixels to open safely</source>
        <translation>图片像素过多，无法安全打开</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/vision/imageload.py" line="94" />
        <source>not an image file, or a format fashiondesk cannot read</source>
        <translation>不是图片文件，或是 fashiondesk 无法读取的格式</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/vision/imageload.py" line="95" />
        <source>the file is incomplete (cut off while it was copied or downloaded?): copy it again</source>
        <translation>文件不完整（复制或下载时被中断？）：请重新复制</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/vision/imageload.py" line="96" />
        <source>the file is damaged and cannot be opened as a photo</source>
        <translation>文件已损坏，无法作为照片打开</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/vision/imageload.py" line="97" />
        <source>image too large ({width} x {height} pixels; the limit is {limit} megapixels)</source>
        <translation>图片太大（{width} × {height} 像素；上限为 {limit} 百万像素）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/vision/imageload.py" line="98" />
        <source>image too large to decode: needs about {need} of memory (the limit is {limit})</source>
        <translation>图片太大，无法解码：约需 {need} 内存（上限为 {limit}）</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <location filename="../../fashiondesk/gui/preview.py" line="24" />
        <source>This photo cannot be shown: its file is missing or cannot be read.</source>
        <translation>无法显示这张照片：文件找不到或无法读取。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/preview.py" line="52" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
</context>
<context>
    <name>Products</name>
    <message>
        <location filename="../../fashiondesk/core/services/products.py" line="65" />
        <source>choose the photos to group first</source>
        <translation>请先选择要归为同一商品的照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/products.py" line="71" />
        <source>those photos are no longer in the catalogue</source>
        <translation>这些照片已不在目录中</translation>
    </message>
</context>
<context>
    <name>Rename</name>
    <message>
        <location filename="../../fashiondesk/core/catalogue/rename.py" line="55" />
        <source>Type a new name for the photo.</source>
        <translation>请输入照片的新名称。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/catalogue/rename.py" line="57" />
        <source>A name cannot contain / or \. The photo is renamed in its own folder.</source>
        <translation>名称里不能有 / 或 \。照片只在原文件夹中改名。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/catalogue/rename.py" line="60" />
        <source>A name cannot contain {chars} (Windows does not allow them in file names).</source>
        <translation>名称里不能有 {chars}（Windows 不允许文件名中出现这些字符）。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/catalogue/rename.py" line="63" />
        <source>A name cannot contain tabs, line breaks or other invisible characters.</source>
        <translation>名称里不能有制表符、换行或其他看不见的字符。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/catalogue/rename.py" line="65" />
        <source>A name cannot start with a dot: the file would be hidden and drop out of the catalogue.</source>
        <translation>名称不能以点（.）开头：那样文件会被隐藏，并从目录中消失。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/catalogue/rename.py" line="71" />
        <source>The photo stays a {old} file: end the name with {old}, or leave the ending out (renaming does not turn it into a {new} file).</source>
        <translation>照片仍是 {old} 文件：名称请以 {old} 结尾，或者不写扩展名（改名不会把它变成 {new} 文件）。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/catalogue/rename.py" line="76" />
        <source>“{name}” is a name Windows keeps for itself; choose another name.</source>
        <translation>“{name}”是 Windows 保留的名称；请换一个名称。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/catalogue/rename.py" line="79" />
        <source>That name is too long; choose a shorter one.</source>
        <translation>名称太长；请换一个短一些的。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/catalogue/rename.py" line="88" />
        <source>This catalogue is open read-only; photos cannot be renamed in it.</source>
        <translation>这个目录以只读方式打开；不能在其中给照片改名。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/catalogue/rename.py" line="93" />
        <source>That photo is no longer in the catalogue.</source>
        <translation>这张照片已不在目录中。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/catalogue/rename.py" line="101" />
        <source>The file {name} is no longer in its folder, so it cannot be renamed. Index the folder again to find where it went.</source>
        <translation>文件 {name} 已不在原文件夹中，无法改名。请重新索引文件夹，找到它现在的位置。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/catalogue/rename.py" line="105" />
        <source>There is already a file called {name} in that folder; choose another name.</source>
        <translation>该文件夹里已有名为 {name} 的文件；请换一个名称。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/catalogue/rename.py" line="111" />
        <source>Another photo in the catalogue is still recorded as {name}. Index the folder again, then rename the photo.</source>
        <translation>目录中还有另一张照片记录为 {name}。请先重新索引文件夹，再给照片改名。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/catalogue/rename.py" line="117" />
        <source>{name} could not be renamed: {why}.</source>
        <translation>{name} 无法改名：{why}。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/catalogue/rename.py" line="134" />
        <source>The photo changed in the catalogue meanwhile; nothing was renamed. Try again.</source>
        <translation>这张照片刚在目录中被改动过；没有改名。请再试一次。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/rename.py" line="27" />
        <source>The photo was not renamed: {why}</source>
        <translation>照片没有改名：{why}</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <location filename="../../fashiondesk/gui/editing.py" line="70" />
        <source>Cannot undo {what}: staff changed these tags since (in another window?); nothing was undone</source>
        <translation>无法撤销 {what}：之后有店员改过这些标签（可能是在另一个窗口里）；没有撤销任何内容</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/editing.py" line="70" />
        <source>Undone: {what}</source>
        <translation>已撤销：{what}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/editing.py" line="76" />
        <source>Redone: {what}</source>
        <translation>已重做：{what}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/editing.py" line="76" />
        <source>Cannot redo {what}: staff changed these tags since (in another window?); nothing was redone</source>
        <translation>无法重做 {what}：之后有店员改过这些标签（可能是在另一个窗口里）；没有重做任何内容</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/main_window.py" line="188" />
        <source>{photo}: confirm the tag {tag}</source>
        <translation>{photo}：确认标签 {tag}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/main_window.py" line="190" />
        <source>{photo}: remove the tag {tag}</source>
        <translation>{photo}：删除标签 {tag}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/main_window.py" line="427" />
        <source>{n} photos</source>
        <translation>{n} 张照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/main_window.py" line="428" />
        <source>a photo</source>
        <translation>一张照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/main_window.py" line="429" />
        <source>{photo}: add the tag {tag}</source>
        <translation>{photo}：添加标签 {tag}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/review.py" line="97" />
        <source>None of the selected photos has an automatic category to accept.</source>
        <translation>选中的照片都没有可确认的自动品类。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/review.py" line="99" />
        <source>{photo}: accept {category}</source>
        <translation>{photo}：确认 {category}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/review.py" line="101" />
        <source>{n} photos: accept {m} automatic categories</source>
        <translation>{n} 张照片：确认 {m} 个自动品类</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/review.py" line="110" />
        <source>None of the selected photos has an automatic category to reject.</source>
        <translation>选中的照片都没有可否定的自动品类。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/review.py" line="112" />
        <source>{photo}: reject {category}</source>
        <translation>{photo}：否定 {category}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/review.py" line="114" />
        <source>{n} photos: reject {m} automatic categories</source>
        <translation>{n} 张照片：否定 {m} 个自动品类</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/review.py" line="135" />
        <source>no category</source>
        <translation>无品类</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/review.py" line="138" />
        <source>{n} photos: category → {category}</source>
        <translation>{n} 张照片：品类 → {category}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/review.py" line="156" />
        <source>no category to accept; choose one</source>
        <translation>没有可确认的品类；请选择一个</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/review.py" line="157" />
        <source>no category to reject; choose one</source>
        <translation>没有可否定的品类；请选择一个</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/review.py" line="158" />
        <source>{category} was set by staff</source>
        <translation>{category} 是店员设定的</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/review.py" line="177" />
        <source>Nothing else to review here.</source>
        <translation>这里没有其他待确认的照片了。</translation>
    </message>
</context>
<context>
    <name>Shop files</name>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="32" />
        <source>Windows Western (cp1252)</source>
        <translation>Windows 西欧编码 (cp1252)</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="33" />
        <source>Chinese (GBK/GB18030)</source>
        <translation>简体中文 (GBK/GB18030)</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="35" />
        <source>Every photo and tag (the till, a spreadsheet)</source>
        <translation>所有照片和标签（收银系统、电子表格）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="36" />
        <source>Shopify product CSV</source>
        <translation>Shopify 商品 CSV</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="37" />
        <source>WooCommerce product CSV</source>
        <translation>WooCommerce 商品 CSV</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="46" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="51" />
        <source>Only the 1 photo shown now</source>
        <translation>只导出当前显示的 1 张照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="52" />
        <source>Only the {n} photos shown now</source>
        <translation>只导出当前显示的 {n} 张照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="55" />
        <source>The current folder, category, search and filters; a webshop file gets the whole product of each photo shown</source>
        <translation>按当前的文件夹、品类、搜索和筛选；网店文件会包含每张显示照片所属的整个商品</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="59" />
        <source>Where the shop will host the photos: each image's address is this, then the photo's path in its folder</source>
        <translation>网店存放照片的地址：每张图片的网址 = 这个地址 + 照片在文件夹中的路径</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="61" />
        <source>Empty: the image column holds file names.</source>
        <translation>留空则图片列只写文件名。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="63" />
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="65" />
        <source>Image address</source>
        <translation>图片地址</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="68" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="121" />
        <source>Export as CSV</source>
        <translation>导出为 CSV</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="122" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="129" />
        <source>Exporting to {path}…</source>
        <translation>正在导出到 {path}…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="130" />
        <source>Exported {n} photos to {path}</source>
        <translation>已导出 {n} 张照片到 {path}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="131" />
        <source>Exported {n} products to {path}</source>
        <translation>已导出 {n} 个商品到 {path}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="141" />
        <source>Import a spreadsheet</source>
        <translation>导入表格</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="142" />
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="146" />
        <source>Reading {path}…</source>
        <translation>正在读取 {path}…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="154" />
        <location filename="../../fashiondesk/gui/shop_files.py" line="180" />
        <location filename="../../fashiondesk/gui/shop_files.py" line="181" />
        <location filename="../../fashiondesk/gui/shop_files.py" line="200" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="154" />
        <source>{n} rows read: the catalogue already says all of this. Nothing to change.</source>
        <translation>已读取 {n} 行：目录里已经是这些内容，无需更改。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="158" />
        <source>commas</source>
        <translation>逗号</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="158" />
        <source>semicolons</source>
        <translation>分号</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="159" />
        <source>tabs</source>
        <translation>制表符</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="161" />
        <source>1 row read (as {encoding}, separated by {separator}).</source>
        <translation>已读取 1 行（编码 {encoding}，以{separator}分隔）。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="162" />
        <source>{n} rows read (as {encoding}, separated by {separator}).</source>
        <translation>已读取 {n} 行（编码 {encoding}，以{separator}分隔）。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="164" />
        <source>Importing will make these changes:</source>
        <translation>导入后将做以下更改：</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="166" />
        <source>1 new product</source>
        <translation>新建 1 个商品</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="167" />
        <source>{n} new products</source>
        <translation>新建 {n} 个商品</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="168" />
        <source>1 product changed</source>
        <translation>修改 1 个商品</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="169" />
        <source>{n} products changed</source>
        <translation>修改 {n} 个商品</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="170" />
        <source>1 photo put in a product or moved within one</source>
        <translation>1 张照片归入商品或在商品内调整顺序</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="171" />
        <source>{n} photos put in a product or moved within one</source>
        <translation>{n} 张照片归入商品或在商品内调整顺序</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="172" />
        <source>1 category set</source>
        <translation>设定 1 个品类</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="173" />
        <source>{n} categories set</source>
        <translation>设定 {n} 个品类</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="174" />
        <source>1 tag added</source>
        <translation>添加 1 个标签</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="174" />
        <source>{n} tags added</source>
        <translation>添加 {n} 个标签</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="178" />
        <source>Kept with the products and exported back: {columns}</source>
        <translation>随商品保存、导出时原样写回的列：{columns}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="190" />
        <source>Imported {path}: {n} changes</source>
        <translation>已导入 {path}：{n} 处更改</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="197" />
        <source>The spreadsheet was not imported</source>
        <translation>表格未导入</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="202" />
        <source>… and {n} more (Show Details…)</source>
        <translation>……还有 {n} 行（点“显示详情...”查看）</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="204" />
        <source>Fix these rows in the spreadsheet, save it, and import it again. Nothing was changed.</source>
        <translation>请在表格中改正这些行，保存后再导入。目录没有任何改动。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="217" />
        <source>Write keywords</source>
        <translation>写入关键词</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="218" />
        <source>Write the category, colours and tags of the 1 photo shown into XMP sidecars beside them (photo.jpg.xmp), for Lightroom, digiKam and Bridge?</source>
        <translation>把当前显示的 1 张照片的品类、颜色和标签写入旁边的 XMP 附属文件 (photo.jpg.xmp)，供 Lightroom、digiKam 和 Bridge 使用？</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="220" />
        <source>Write the category, colours and tags of the {n} photos shown into XMP sidecars beside them (photo.jpg.xmp), for Lightroom, digiKam and Bridge?</source>
        <translation>把当前显示的 {n} 张照片的品类、颜色和标签写入旁边的 XMP 附属文件 (photo.jpg.xmp)，供 Lightroom、digiKam 和 Bridge 使用？</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="223" />
        <source>The photos themselves are not changed; a sidecar that is there keeps its other keywords and settings.</source>
        <translation>照片本身不会改动；已有的附属文件会保留其中的其他关键词和设置。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="226" />
        <source>Put them inside the JPEG photos instead</source>
        <translation>改为写入 JPEG 照片内部</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="227" />
        <source>For tools that read no sidecar. The picture is not re-compressed, and each original is first copied to {folder}</source>
        <translation>用于不读取附属文件的软件。图片不会被重新压缩，每张原图会先复制到 {folder}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="231" />
        <source>Write</source>
        <translation>写入</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="237" />
        <source>Writing keywords…</source>
        <translation>正在写入关键词…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="243" />
        <source>{n} photos given their keywords inside</source>
        <translation>已把关键词写入 {n} 张照片内部</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="244" />
        <source>{n} sidecars written</source>
        <translation>已写入 {n} 个附属文件</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="245" />
        <source>{n} already up to date</source>
        <translation>{n} 个已是最新</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="245" />
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="249" />
        <source>{n} could not be written, e.g. {path}: {reason}</source>
        <translation>{n} 个无法写入，例如 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="249" />
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="266" />
        <location filename="../../fashiondesk/gui/shop_files.py" line="273" />
        <source>Group as one product</source>
        <translation>归为同一商品</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="267" />
        <source>These photos are in different products ({names}). Grouping them moves them all into one; the products keep their other photos and their fields. Go on?</source>
        <translation>这些照片属于不同的商品（{names}）。归为同一商品会把它们都移到一个商品里；原商品保留其他照片和信息。继续吗？</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="274" />
        <source>The 1 photo selected becomes one product.</source>
        <translation>选中的 1 张照片将成为一个商品。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="275" />
        <source>The {n} photos selected become one product.</source>
        <translation>选中的 {n} 张照片将归为同一商品。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="276" />
        <source>Its SKU or handle (leave empty to name it after the first photo, or keep the product they are in):</source>
        <translation>商品的 SKU 或商品代号（留空则用第一张照片的文件名命名，或沿用它们所在的商品）：</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="284" />
        <source>Product {handle}: {n} photos</source>
        <translation>商品 {handle}：{n} 张照片</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="295" />
        <source>Select two or more photos worn together, then save them as a look</source>
        <translation>请选择两张或更多搭配在一起的照片，再保存为搭配</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="301" />
        <source>Save look</source>
        <translation>保存搭配</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="301" />
        <source>A name for this look of {n} photos (suggestions learn from the looks you save):</source>
        <translation>给这套 {n} 张照片的搭配起个名字（推荐会参考您保存的搭配）：</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="307" />
        <source>Look saved: {n} photos. Suggestions now learn from it.</source>
        <translation>搭配已保存：{n} 张照片。之后的推荐会参考它。</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="320" />
        <source>1 photo taken out of its product</source>
        <translation>1 张照片已移出所属商品</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="321" />
        <source>{n} photos taken out of their products</source>
        <translation>{n} 张照片已移出所属商品</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/shop_files.py" line="322" />
        <source>Those photos are in no product</source>
        <translation>这些照片不属于任何商品</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../fashiondesk/gui/filters.py" line="173" />
        <location filename="../../fashiondesk/gui/sidebar.py" line="92" />
        <source>Needs review</source>
        <translation>待确认</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/filters.py" line="175" />
        <location filename="../../fashiondesk/gui/sidebar.py" line="94" />
        <source>Missing files</source>
        <translation>找不到的文件</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/filters.py" line="188" />
        <location filename="../../fashiondesk/gui/sidebar.py" line="91" />
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
        <location filename="../../fashiondesk/gui/sidebar.py" line="90" />
        <source>Library</source>
        <translation>照片库</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/sidebar.py" line="96" />
        <source>Folders</source>
        <translation>文件夹</translation>
    </message>
</context>
<context>
    <name>Similar</name>
    <message>
        <location filename="../../fashiondesk/gui/filters.py" line="186" />
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
        <translation>相关</translation>
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
        <translation>{word}：不如大多数照片两两之间那么相似{where}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/similar_section.py" line="36" />
        <source>{word}: more alike than all but {share} of pairs of photos {where}</source>
        <translation>{word}：相似程度排在所有照片两两组合的前 {share}{where}</translation>
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
    <message>
        <location filename="../../fashiondesk/gui/main_window.py" line="500" />
        <source>Looking for photos like {name}…</source>
        <translation>正在查找与 {name} 相似的照片…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/similar.py" line="53" />
        <source>Like {name}</source>
        <translation>与 {name} 相似</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/search.py" line="65" />
        <source>the catalogue changed while searching; try again</source>
        <translation>搜索时目录发生了变化；请再试一次</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/services/search.py" line="95" />
        <source>{path}: {why}</source>
        <translation>{path}：{why}</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../fashiondesk/gui/indexing.py" line="84" />
        <source>{n} indexed</source>
        <translation>已索引 {n} 张</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/indexing.py" line="86" />
        <source>{n} unchanged</source>
        <translation>{n} 张未改动</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/indexing.py" line="88" />
        <source>{n} could not be read</source>
        <translation>{n} 张无法读取</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/indexing.py" line="90" />
        <source>{n} missing</source>
        <translation>{n} 张找不到</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/indexing.py" line="92" />
        <source>{n} moved</source>
        <translation>{n} 张已移动</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/indexing.py" line="94" />
        <source>{n} tagged again by a newer method</source>
        <translation>{n} 张已用新方法重新加标签</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/indexing.py" line="96" />
        <source>not found: {folders}</source>
        <translation>找不到：{folders}</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/indexing.py" line="97" />
        <source>Indexing cancelled</source>
        <translation>索引已取消</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/indexing.py" line="97" />
        <source>Indexing done</source>
        <translation>索引完成</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/indexing.py" line="98" />
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
    <message>
        <location filename="../../fashiondesk/gui/main_window.py" line="552" />
        <source>Finishing the indexing that was cut short last time…</source>
        <translation>正在完成上次中断的索引…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/main_window.py" line="568" />
        <source>Indexing starts when learning from staff categories has finished…</source>
        <translation>从店员设定的品类中学习完成后，将开始索引…</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/gui/main_window.py" line="605" />
        <source>Indexing stopped: {why}</source>
        <translation>索引已停止：{why}</translation>
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
    <name>Tags</name>
    <message>
        <location filename="../../fashiondesk/core/catalogue/edits.py" line="59" />
        <source>a tag cannot be empty</source>
        <translation>标签不能为空</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/catalogue/edits.py" line="61" />
        <source>a tag cannot contain ';' (it separates tags in the CSV export): {name}. Use ',' or '/' instead, or add two tags</source>
        <translation>标签里不能有 ';'（导出 CSV 时用它分隔标签）：{name}。请改用 ',' 或 '/'，或者分成两个标签</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/catalogue/edits.py" line="64" />
        <source>a tag can be at most {most} characters long; this one has {n}</source>
        <translation>标签最多 {most} 个字符；这个有 {n} 个</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/catalogue/edits.py" line="72" />
        <source>this tag changed meanwhile (it is now {name}); nothing was done, look again</source>
        <translation>这个标签刚被改过（现在是 {name}）；没有做任何改动，请再看一下</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/catalogue/edits.py" line="103" />
        <source>that photo is no longer in the catalogue</source>
        <translation>这张照片已不在目录中</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/catalogue/edits.py" line="141" />
        <source>this photo's category changed meanwhile; nothing was done, look again</source>
        <translation>这张照片的品类刚被改过；没有做任何改动，请再看一下</translation>
    </message>
    <message>
        <location filename="../../fashiondesk/core/catalogue/edits.py" line="143" />
        <source>the category of {n} of these photos changed meanwhile; nothing was done, look again</source>
        <translation>其中 {n} 张照片的品类刚被改过；没有做任何改动，请再看一下</translation>
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