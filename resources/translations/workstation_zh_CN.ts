<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add a user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation>显示名称：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>The two passwords differ; type them again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
</context>
<context>
    <name>Background</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>All officers</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>My work list</source>
        <translation>我的工作清单</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>All risks</source>
        <translation>全部风险</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>全部产品</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>Breached only</source>
        <translation>仅超时</translation>
    </message>
    <message>
        <source>Only cases past their stage&apos;s time limit</source>
        <translation>只显示超过本阶段时限的案件</translation>
    </message>
    <message>
        <source>Search name, credit code or case no. (Ctrl+F)</source>
        <translation>搜索名称、信用代码或案件号（Ctrl+F）</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>领取</translation>
    </message>
    <message>
        <source>Take the selected unassigned case into your work list</source>
        <translation>把所选未分配案件领入您的工作清单</translation>
    </message>
    <message>
        <source>Could not read the cases</source>
        <translation>无法读取案件</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在查找…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln case(s)</source>
        <translation>
            <numerusform>%Ln 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Not claimed</source>
        <translation>未领取</translation>
    </message>
</context>
<context>
    <name>BreachedModel</name>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Entered stage</source>
        <translation>进入阶段时间</translation>
    </message>
    <message>
        <source>Over the limit by</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>— queue —</source>
        <translation>— 队列 —</translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <source>in stage {wait}</source>
        <translation>本阶段已停留 {wait}</translation>
    </message>
    <message>
        <source>{n} working day(s)</source>
        <translation>{n}个工作日</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n}小时</translation>
    </message>
    <message>
        <source>in stage {wait} — limit {limit}, over by {over}</source>
        <translation>本阶段已停留 {wait} — 时限 {limit}，已超 {over}</translation>
    </message>
    <message>
        <source>in stage {wait} of {limit} (due {due})</source>
        <translation>本阶段已停留 {wait}，时限 {limit}（截止 {due}）</translation>
    </message>
    <message>
        <source>Case {case}</source>
        <translation>案件 {case}</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Stage history</source>
        <translation>流转记录</translation>
    </message>
    <message>
        <source>The case could not be read: {error}</source>
        <translation>无法读取案件：{error}</translation>
    </message>
    <message>
        <source>Case {case} · {business}</source>
        <translation>案件 {case} · {business}</translation>
    </message>
    <message>
        <source>Risk: {risk}</source>
        <translation>风险：{risk}</translation>
    </message>
    <message>
        <source>Tier {tier}</source>
        <translation>评级 {tier}</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>未评级</translation>
    </message>
    <message>
        <source>Officer: {name}</source>
        <translation>经办人：{name}</translation>
    </message>
    <message>
        <source>In the stage queue (unassigned)</source>
        <translation>在阶段队列中（未分配）</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>领取</translation>
    </message>
    <message>
        <source>{action}…</source>
        <translation>{action}…</translation>
    </message>
    <message>
        <source>No move is open to you on this case.</source>
        <translation>您对该案件当前没有可执行的操作。</translation>
    </message>
    <message>
        <source>Reassign…</source>
        <translation>重新分配…</translation>
    </message>
    <message>
        <source>Why “{action}” for case {case} ({business})?</source>
        <translation>为何对案件 {case}（{business}）执行“{action}”？</translation>
    </message>
    <message>
        <source>Reassign case {case}</source>
        <translation>重新分配案件 {case}</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Case no.</source>
        <translation>案件号</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Amount asked</source>
        <translation>申请金额</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>评级</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Time in stage</source>
        <translation>阶段停留</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>In this stage since {when}</source>
        <translation>自 {when} 起在本阶段</translation>
    </message>
    <message>
        <source>Past the stage&apos;s time limit</source>
        <translation>已超过本阶段时限</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>First start: create the administrator</source>
        <translation>首次启动：创建管理员</translation>
    </message>
    <message>
        <source>This database has no users yet. Create the administrator account; the administrator then adds the investigators, supervisors and finance staff.</source>
        <translation>该数据库还没有用户。请创建管理员账户；之后由管理员添加调查员、主管和财务人员。</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation>显示名称：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>The two passwords differ; type them again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Time in stage</source>
        <translation>阶段停留</translation>
    </message>
    <message>
        <source>{span} (so far)</source>
        <translation>{span}（至今）</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>Time per stage: {parts}</source>
        <translation>各阶段用时：{parts}</translation>
    </message>
</context>
<context>
    <name>LaneBoard</name>
    <message>
        <source>Over {n} d</source>
        <translation>超{n}个工作日</translation>
    </message>
    <message>
        <source>Over {n} h</source>
        <translation>超{n}小时</translation>
    </message>
    <message>
        <source>No time limit in this stage</source>
        <translation>本阶段无时限</translation>
    </message>
    <message>
        <source>Time limit: {n} working day(s)</source>
        <translation>时限：{n}个工作日</translation>
    </message>
    <message>
        <source>Time limit: {n} hour(s)</source>
        <translation>时限：{n}小时</translation>
    </message>
    <message>
        <source>On the line</source>
        <translation>流水线上</translation>
    </message>
    <message>
        <source>Over limit</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Off the line</source>
        <translation>线外</translation>
    </message>
</context>
<context>
    <name>LaneCard</name>
    <message>
        <source>Green {g} · Amber {a} · Red {r}</source>
        <translation>绿 {g} · 黄 {a} · 红 {r}</translation>
    </message>
    <message>
        <source>Slowest to clear at its recent pace: the line&apos;s bottleneck</source>
        <translation>按近期速度清空最慢：流水线的瓶颈</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>件待办</translation>
    </message>
    <message>
        <source>cases</source>
        <translation>件</translation>
    </message>
    <message>
        <source>Oldest</source>
        <translation>最久等待</translation>
    </message>
    <message>
        <source>Over limit</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>无时限</translation>
    </message>
    <message>
        <source>{n}/day</source>
        <translation>{n}件/天</translation>
    </message>
    <message>
        <source>Pace (7 d)</source>
        <translation>速度（7天）</translation>
    </message>
    <message>
        <source>stalled</source>
        <translation>停滞</translation>
    </message>
    <message>
        <source>{n} d</source>
        <translation>{n}天</translation>
    </message>
    <message>
        <source>Clears in</source>
        <translation>预计清空</translation>
    </message>
    <message>
        <source>Bottleneck</source>
        <translation>瓶颈</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in — Credit workstation</source>
        <translation>登录 — 信贷工作站</translation>
    </message>
    <message>
        <source>Credit workstation</source>
        <translation>信贷工作站</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Demo only</source>
        <translation>仅限演示</translation>
    </message>
    <message>
        <source>password {password} for every demo log-in:</source>
        <translation>所有演示账户的密码均为 {password}：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Credit workstation — the credit factory</source>
        <translation>信贷工作站 — 信贷工厂</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>看板</translation>
    </message>
    <message>
        <source>Queue review</source>
        <translation>队列检查</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Read the line again (F5)</source>
        <translation>重新读取流水线（F5）</translation>
    </message>
    <message>
        <source>&amp;Close case tab</source>
        <translation>关闭案件标签页(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <source>Find a case on the board (Ctrl+F)</source>
        <translation>在看板上查找案件（Ctrl+F）</translation>
    </message>
    <message>
        <source>&amp;Board</source>
        <translation>看板(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Queue review</source>
        <translation>队列检查(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>用户(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Database check</source>
        <translation>数据库检查(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Admin</source>
        <translation>管理(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>{name} · {role}</source>
        <translation>{name} · {role}</translation>
    </message>
    <message>
        <source>Business date {date}</source>
        <translation>营业日 {date}</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>Case {id}</source>
        <translation>案件 {id}</translation>
    </message>
    <message>
        <source>Case {id}: {name}</source>
        <translation>案件 {id}：{name}</translation>
    </message>
    <message>
        <source>Case {id} saved.</source>
        <translation>案件 {id} 已保存。</translation>
    </message>
    <message>
        <source>Reading the line…</source>
        <translation>正在读取流水线…</translation>
    </message>
    <message>
        <source>No translation for {language} is installed; English is shown.</source>
        <translation>未安装{language}的翻译，将显示英文。</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>正在检查数据库…</translation>
    </message>
    <message>
        <source>Database check</source>
        <translation>数据库检查</translation>
    </message>
    <message>
        <source>The database is sound: no problems found.</source>
        <translation>数据库完好：未发现问题。</translation>
    </message>
    <message>
        <source>{n} problem(s) found.</source>
        <translation>发现 {n} 个问题。</translation>
    </message>
    <message>
        <source>The check failed: {error}</source>
        <translation>检查失败：{error}</translation>
    </message>
    <message>
        <source>About the credit workstation</source>
        <translation>关于信贷工作站</translation>
    </message>
    <message>
        <source>Credit workstation</source>
        <translation>信贷工作站</translation>
    </message>
    <message>
        <source>A credit factory: every small-business loan moves along one line of stages, so officers see where each case waits and where the line is slow.</source>
        <translation>信贷工厂：每笔小微贷款都沿同一条阶段流水线流转，经办人员能看到每个案件停在哪里、流水线哪里变慢。</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <source>Schema version: {version}</source>
        <translation>数据结构版本：{version}</translation>
    </message>
    <message>
        <source>Qt {qt}, PySide6 {pyside}, Python {python}</source>
        <translation>Qt {qt}，PySide6 {pyside}，Python {python}</translation>
    </message>
</context>
<context>
    <name>OfficerLoadModel</name>
    <message>
        <source>Officer</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Side lanes</source>
        <translation>线外</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <source>Oldest wait</source>
        <translation>最久等待</translation>
    </message>
    <message>
        <source>Overdue, warning / recall, credit recovery, blacklisted</source>
        <translation>逾期、预警收贷、信用恢复、黑名单</translation>
    </message>
    <message>
        <source>Longest a case has waited in a work stage (not monitoring)</source>
        <translation>案件在作业阶段（不含贷中监控）的最长等待时间</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>经营者</translation>
    </message>
    <message>
        <source>Owner ID number</source>
        <translation>经营者身份证号</translation>
    </message>
    <message>
        <source>Owner phone</source>
        <translation>经营者电话</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Platform account</source>
        <translation>平台账号</translation>
    </message>
    <message>
        <source>Partner bank</source>
        <translation>合作银行</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>显示完整信息</translation>
    </message>
    <message>
        <source>Show the full value; the reveal is recorded in the audit log</source>
        <translation>显示完整内容；每次查看都会记入审计日志</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Amount asked</source>
        <translation>申请金额</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>最近修改</translation>
    </message>
    <message>
        <source>Recommended by</source>
        <translation>推荐人</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>None (not bank-referred)</source>
        <translation>无（非银行端客户）</translation>
    </message>
    <message>
        <source>{when} by {who}</source>
        <translation>{when}，{who}</translation>
    </message>
    <message>
        <source>Referred by {bank}: the partner bank&apos;s risk department monitors this loan; the workstation raises no in-loan warnings of its own (post-loan scoring still applies).</source>
        <translation>由{bank}推荐：该笔贷款的贷中风险由合作银行风控部门监控；本工作站不自行发起贷中预警（贷后评分仍适用）。</translation>
    </message>
</context>
<context>
    <name>QueueReview</name>
    <message>
        <source>Unassigned (stage queues)</source>
        <translation>未分配（阶段队列）</translation>
    </message>
    <message>
        <source>Officers&apos; load (open cases)</source>
        <translation>人员负荷（未结案件）</translation>
    </message>
    <message>
        <source>Show all officers</source>
        <translation>显示全部人员</translation>
    </message>
    <message>
        <source>Give the selected cases to</source>
        <translation>把所选案件分配给</translation>
    </message>
    <message>
        <source>Cases past their stage&apos;s time limit, oldest first</source>
        <translation>超过阶段时限的案件（最久的在前）</translation>
    </message>
    <message>
        <source>Back to the stage queue (unassigned)</source>
        <translation>退回阶段队列（未分配）</translation>
    </message>
    <message>
        <source>{n} breached case(s) of {who}</source>
        <translation>{who}的超时案件 {n} 件</translation>
    </message>
    <message>
        <source>{n} breached case(s), all officers and queues</source>
        <translation>超时案件 {n} 件（全部人员和队列）</translation>
    </message>
    <message>
        <source>Could not read the queues: {error}</source>
        <translation>无法读取队列：{error}</translation>
    </message>
    <message>
        <source>Reassign {n} case(s)</source>
        <translation>重新分配 {n} 件</translation>
    </message>
    <message>
        <source>{n} case(s) given to {who}.</source>
        <translation>已将 {n} 件分配给{who}。</translation>
    </message>
    <message>
        <source>Not reassigned:</source>
        <translation>未能重新分配：</translation>
    </message>
    <message>
        <source>Case {case}: {why}</source>
        <translation>案件 {case}：{why}</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Required: what you saw and why</source>
        <translation>必填：您看到的情况和理由</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <source>Back to the stage queue (unassigned)</source>
        <translation>退回阶段队列（未分配）</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>Give to</source>
        <translation>分配给</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>更改角色…</translation>
    </message>
    <message>
        <source>Switch on/off</source>
        <translation>启用/停用</translation>
    </message>
    <message>
        <source>Switch off</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Switch on</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <source>Role of {name}:</source>
        <translation>{name}的角色：</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>switched off</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>common</name>
    <message>
        <source>Not done</source>
        <translation>未执行</translation>
    </message>
    <message>
        <source>{d} d {h} h</source>
        <translation>{d}天{h}小时</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h}小时{m}分</translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation>{m}分钟</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评级</translation>
    </message>
    <message>
        <source>Investigation</source>
        <translation>调查</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Disbursement</source>
        <translation>放款</translation>
    </message>
    <message>
        <source>In-loan monitoring</source>
        <translation>贷中监控</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结清</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Warning / recall</source>
        <translation>预警收贷</translation>
    </message>
    <message>
        <source>Credit recovery</source>
        <translation>信用恢复</translation>
    </message>
    <message>
        <source>Blacklisted</source>
        <translation>黑名单</translation>
    </message>
    <message>
        <source>Application received</source>
        <translation>收到申请</translation>
    </message>
    <message>
        <source>Send to rating</source>
        <translation>提交评级</translation>
    </message>
    <message>
        <source>Send to investigation</source>
        <translation>转入调查</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Recommend for approval</source>
        <translation>推荐审批</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Send back</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Disburse</source>
        <translation>放款</translation>
    </message>
    <message>
        <source>Settle (repaid in full)</source>
        <translation>结清（已全额还款）</translation>
    </message>
    <message>
        <source>Mark overdue</source>
        <translation>标记逾期</translation>
    </message>
    <message>
        <source>Arrears paid</source>
        <translation>欠款已还清</translation>
    </message>
    <message>
        <source>Raise early warning</source>
        <translation>发起预警</translation>
    </message>
    <message>
        <source>Clear warning</source>
        <translation>解除预警</translation>
    </message>
    <message>
        <source>Start credit recovery</source>
        <translation>启动信用恢复</translation>
    </message>
    <message>
        <source>Recovery plan kept</source>
        <translation>恢复计划已履行</translation>
    </message>
    <message>
        <source>Recovery plan failed</source>
        <translation>恢复计划失败</translation>
    </message>
    <message>
        <source>Blacklist</source>
        <translation>列入黑名单</translation>
    </message>
    <message>
        <source>Lift blacklist</source>
        <translation>移出黑名单</translation>
    </message>
    <message>
        <source>Investigator</source>
        <translation>调查员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>财务</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <source>Amber</source>
        <translation>黄色</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台客户</translation>
    </message>
    <message>
        <source>Off-platform</source>
        <translation>平台外客户</translation>
    </message>
    <message>
        <source>Credit loan</source>
        <translation>信用贷款</translation>
    </message>
    <message>
        <source>Order loan</source>
        <translation>订单贷款</translation>
    </message>
    <message>
        <source>Credit + order</source>
        <translation>信用+订单</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>管理用户</translation>
    </message>
    <message>
        <source>claim cases</source>
        <translation>领取案件</translation>
    </message>
    <message>
        <source>reassign cases</source>
        <translation>重新分配案件</translation>
    </message>
    <message>
        <source>review the officers&apos; queues</source>
        <translation>检查各人员的队列</translation>
    </message>
    <message>
        <source>reveal personal data</source>
        <translation>查看完整个人信息</translation>
    </message>
    <message>
        <source>view cases</source>
        <translation>查看案件</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>A case in stage “{stage}” cannot be moved by “{action}”.</source>
        <translation>处于“{stage}”阶段的案件不能执行“{action}”。</translation>
    </message>
    <message>
        <source>The role “{role}” may not “{action}” a case in “{stage}”.</source>
        <translation>“{role}”角色不能对“{stage}”阶段的案件执行“{action}”。</translation>
    </message>
    <message>
        <source>This case is in another officer&apos;s work list; ask a supervisor to reassign it.</source>
        <translation>该案件在其他人员的工作清单中；请主管重新分配。</translation>
    </message>
    <message>
        <source>Maker–checker: you worked on this case before approval, so someone else must approve it.</source>
        <translation>审贷分离：您在审批前经手过该案件，须由他人审批。</translation>
    </message>
    <message>
        <source>Bank-referred customers are monitored by the partner bank; no automatic warning is raised.</source>
        <translation>银行端客户由合作银行进行贷中监控，系统不自动发起预警。</translation>
    </message>
    <message>
        <source>Give a reason for “{action}”.</source>
        <translation>请填写“{action}”的理由。</translation>
    </message>
    <message>
        <source>A password needs at least {n} characters.</source>
        <translation>密码至少需要{n}个字符。</translation>
    </message>
    <message>
        <source>A user name is 1 to 40 characters without spaces.</source>
        <translation>用户名为1至40个字符，不能含空格。</translation>
    </message>
    <message>
        <source>This database already has users.</source>
        <translation>该数据库已有用户。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>This account is switched off; ask an administrator.</source>
        <translation>该账户已停用，请联系管理员。</translation>
    </message>
    <message>
        <source>Unknown role “{role}”.</source>
        <translation>未知角色“{role}”。</translation>
    </message>
    <message>
        <source>The user name “{name}” is taken.</source>
        <translation>用户名“{name}”已被占用。</translation>
    </message>
    <message>
        <source>No such user.</source>
        <translation>没有该用户。</translation>
    </message>
    <message>
        <source>You cannot take the admin role from yourself.</source>
        <translation>不能取消自己的管理员角色。</translation>
    </message>
    <message>
        <source>You cannot switch yourself off.</source>
        <translation>不能停用自己的账户。</translation>
    </message>
    <message>
        <source>The role “{role}” may not {permission}.</source>
        <translation>“{role}”角色无权{permission}。</translation>
    </message>
    <message>
        <source>Case {case} was changed by {who} at {when}; it has been reloaded. Nothing of yours was saved; check it and try again.</source>
        <translation>案件{case}已于{when}被{who}修改，已重新载入。您的操作未保存，请核对后重试。</translation>
    </message>
    <message>
        <source>There is no case {case}.</source>
        <translation>没有案件{case}。</translation>
    </message>
    <message>
        <source>The role “{role}” cannot work on cases in “{stage}”.</source>
        <translation>“{role}”角色不能处理“{stage}”阶段的案件。</translation>
    </message>
    <message>
        <source>{who} has already claimed case {case}; a supervisor can reassign it.</source>
        <translation>{who}已领取案件{case}；主管可以重新分配。</translation>
    </message>
    <message>
        <source>That person cannot work on cases in “{stage}”; choose another.</source>
        <translation>此人不能处理“{stage}”阶段的案件，请另选。</translation>
    </message>
    <message>
        <source>Nothing to reveal.</source>
        <translation>没有可显示的内容。</translation>
    </message>
    <message>
        <source>“{path}” is not a workstation database (SQLite said: {error}).</source>
        <translation>“{path}”不是工作站数据库（SQLite 提示：{error}）。</translation>
    </message>
    <message>
        <source>“{path}” is on a network share; SQLite cannot lock it safely there. Keep the database on a local disk.</source>
        <translation>“{path}”位于网络共享上，SQLite 无法在此安全加锁。请把数据库放在本地磁盘。</translation>
    </message>
    <message>
        <source>“{path}” is a folder, not a database file.</source>
        <translation>“{path}”是文件夹，不是数据库文件。</translation>
    </message>
    <message>
        <source>“{path}” cannot be opened: {error}</source>
        <translation>无法打开“{path}”：{error}</translation>
    </message>
    <message>
        <source>“{path}” was written by a newer version of the workstation (schema {found}, this program knows {known}). Update the program; the file was not changed.</source>
        <translation>“{path}”由更新版本的工作站写入（结构版本{found}，本程序支持{known}）。请升级程序；文件未被修改。</translation>
    </message>
    <message>
        <source>“{path}” is not a workstation database (it is another program&apos;s SQLite file). Nothing was changed.</source>
        <translation>“{path}”不是工作站数据库（是其他程序的 SQLite 文件）。未做任何修改。</translation>
    </message>
    <message>
        <source>The database is busy with another user&apos;s change (SQLite said: {error}). Nothing was saved; try again in a moment.</source>
        <translation>数据库正被其他用户的修改占用（SQLite 提示：{error}）。未保存任何内容，请稍后重试。</translation>
    </message>
    <message>
        <source>“{path}” is not a workstation database (it is not an SQLite file). Nothing was changed.</source>
        <translation>“{path}”不是工作站数据库（不是 SQLite 文件）。未做任何修改。</translation>
    </message>
    <message>
        <source>Only a supervisor may change the macro settings.</source>
        <translation>只有主管可以修改宏观调整设置。</translation>
    </message>
    <message>
        <source>Only a supervisor may change the blacklist.</source>
        <translation>只有主管可以修改黑名单。</translation>
    </message>
    <message>
        <source>Only a supervisor may re-score cases.</source>
        <translation>只有主管可以重新评分。</translation>
    </message>
    <message>
        <source>The role “{role}” may not take applications.</source>
        <translation>“{role}”角色不能受理申请。</translation>
    </message>
    <message>
        <source>Case {case} is in “{stage}”; its application can only change while the case is in “application”.</source>
        <translation>案件 {case} 处于“{stage}”阶段；只有在“申请”阶段才能修改申请资料。</translation>
    </message>
    <message>
        <source>Case {case} has no application.</source>
        <translation>案件 {case} 没有申请资料。</translation>
    </message>
    <message>
        <source>Say how the consent was given (e.g. signed form).</source>
        <translation>请说明授权方式（如签署授权书）。</translation>
    </message>
    <message>
        <source>“{value}” cannot be blacklisted.</source>
        <translation>“{value}”不能列入黑名单。</translation>
    </message>
    <message>
        <source>Give the value to blacklist.</source>
        <translation>请填写要列入黑名单的号码。</translation>
    </message>
    <message>
        <source>Give a reason for the blacklist entry.</source>
        <translation>请填写列入黑名单的原因。</translation>
    </message>
    <message>
        <source>Give a reason for lifting the entry.</source>
        <translation>请填写解除黑名单的原因。</translation>
    </message>
    <message>
        <source>“{value}” is not an economic stance.</source>
        <translation>“{value}”不是有效的宏观经济判断。</translation>
    </message>
    <message>
        <source>There is no blacklist entry {entry} in force.</source>
        <translation>没有生效中的黑名单条目 {entry}。</translation>
    </message>
    <message>
        <source>Record the owner&apos;s consent to the use of their data and to credit queries before the application is scored.</source>
        <translation>评分前请先记录经营者对使用其数据和查询征信的授权。</translation>
    </message>
    <message>
        <source>“{path}” cannot be read as an application table: {error}</source>
        <translation>无法将“{path}”读取为申请表：{error}</translation>
    </message>
    <message>
        <source>“{value}” is not an industry outlook.</source>
        <translation>“{value}”不是有效的行业趋向。</translation>
    </message>
    <message>
        <source>The application is not complete; correct: {fields}</source>
        <translation>申请资料不完整，请更正：{fields}</translation>
    </message>
    <message>
        <source>“{value}” is not a number</source>
        <translation>“{value}”不是数字</translation>
    </message>
    <message>
        <source>“{value}” is not one of: {choices}</source>
        <translation>“{value}”不在可选值中：{choices}</translation>
    </message>
    <message>
        <source>Write 是 or 否 (yes or no)</source>
        <translation>请填写“是”或“否”</translation>
    </message>
    <message>
        <source>Yuan have at most 2 decimals</source>
        <translation>金额（元）最多两位小数</translation>
    </message>
    <message>
        <source>A whole number is needed</source>
        <translation>请填写整数</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
</context>
</TS>
