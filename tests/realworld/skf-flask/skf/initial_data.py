import datetime
from skf.database import db
from skf.database.privileges import Privilege
from skf.database.users import User
from skf.database.groups import Group
from skf.database.questions import Question
from skf.database.checklist_category import ChecklistCategory
from skf.database.checklist_types import ChecklistType
from skf.database.checklists_kb import ChecklistKB
from skf.database.checklists_results import ChecklistResult
from skf.database.code_items import CodeItem
from skf.database.groupmembers import GroupMember
from skf.database.kb_items import KBItem
from skf.database.lab_items import LabItem
from skf.database.lab_items_code import LabItemCode
from skf.database.lab_items_code_options import LabItemCodeOptions
from skf.database.logs import Log
from skf.database.project_sprints import ProjectSprint
from skf.database.projects import Project
from skf.database.question_results import QuestionResult
from skf.database.checklist_kb_code_item import ChecklistKBCodeItem


def load_initial_data():
    # prodready: trimmed — 12,000 lines of seed rows (privileges, users, checklists, knowledge base) that
    # only `flask initdb` inserts; the server never runs this function.
    pass
